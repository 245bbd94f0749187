package dev.easel.app.cli;

import dev.easel.server.auth.Account;
import dev.easel.server.auth.Accounts;
import dev.easel.server.auth.Identity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code easel users add|list|revoke}: the users and tokens of {@code --auth}, kept under the user directory. */
@Command(name = "users", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        subcommands = {UsersCommand.Add.class, UsersCommand.List.class, UsersCommand.Revoke.class},
        description = "Manages the users and API tokens that --auth accepts.")
public final class UsersCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = "Adds a user and prints its new token, once: only its digest is kept. Nothing else goes to "
                    + "standard output, so a script can capture the token.")
    static final class Add extends Subcommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "Letters, digits, '-' and '_' (1 to 64; not starting with '__').")
        String name;

        @Option(names = "--admin", description = "An admin sees and manages every user's jobs; a user only their own.")
        boolean admin;

        @Override
        public Integer call() {
            Accounts accounts = open("easel users add [FLAGS] NAME");
            Identity.Role role = admin ? Identity.Role.ADMIN : Identity.Role.USER;
            String token;
            try {
                token = accounts.add(name, role);
            } catch (IllegalArgumentException refused) {
                spec.commandLine().getErr().println("easel: " + refused.getMessage());
                return 1;
            }
            spec.commandLine().getOut().println(token);
            spec.commandLine().getErr().printf("Added %s '%s' to %s; the token above is shown only this once%n",
                    roleName(role), name, accounts.file());
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = "Lists the users: name, role and when each was added (never tokens or digests).")
    static final class List extends Subcommand {
        @Override
        public Integer call() {
            Accounts accounts = open("easel users list [FLAGS]");
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-24s %-6s %s%n", "NAME", "ROLE", "CREATED");
            for (Account account : accounts.all()) {
                out.printf("%-24s %-6s %s%n", account.name(), roleName(account.role()), account.created());
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = "Removes a user and its token; a running server refuses the token at once. The user's files stay.")
    static final class Revoke extends Subcommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            Accounts accounts = open("easel users revoke [FLAGS] NAME");
            if (!accounts.revoke(name)) {
                spec.commandLine().getErr().println("easel: there is no user '" + name + "' in " + accounts.file());
                return 1;
            }
            spec.commandLine().getErr().println("Revoked '" + name + "'");
            return 0;
        }
    }

    /** What every {@code users} command has: its spec for output, and where the user directory is. */
    abstract static class Subcommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        UserDirectoryOptions folders = new UserDirectoryOptions();

        Accounts open(String usage) {
            EaselCommand.rejectFlagsBefore(spec, usage);
            return Accounts.open(folders.userDirectory());
        }
    }

    private static String roleName(Identity.Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }
}
