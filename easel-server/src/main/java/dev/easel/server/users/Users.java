package dev.easel.server.users;

import java.nio.file.Path;

/** Who the users are, which one a request is, and their files and settings: one per server. */
public record Users(UserRegistry registry, RequestUser requestUser, UserData data, UserSettings settings) {

    public static Users open(Path userDir, boolean multiUser) {
        UserRegistry registry = UserRegistry.open(userDir, multiUser);
        UserData data = new UserData(userDir);
        return new Users(registry, RequestUser.comfyHeader(registry), data, new UserSettings(data));
    }
}
