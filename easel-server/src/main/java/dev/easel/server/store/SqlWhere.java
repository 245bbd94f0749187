package dev.easel.server.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A {@code WHERE} clause of the job store and its text arguments, built one condition at a time. */
record SqlWhere(String sql, List<String> args) {

    SqlWhere {
        args = List.copyOf(args);
    }

    /** A fixed condition, with no arguments. */
    static SqlWhere of(String condition) {
        return new SqlWhere(" WHERE " + condition, List.of());
    }

    /** {@code column} among {@code values}. */
    static SqlWhere in(String column, List<String> values) {
        return new SqlWhere(" WHERE " + column + " IN (" + String.join(", ", java.util.Collections.nCopies(values.size(), "?")) + ")",
                values);
    }

    SqlWhere and(String column, String value) {
        List<String> more = new ArrayList<>(args);
        more.add(value);
        return new SqlWhere(sql + " AND " + column + " = ?", more);
    }

    /** Only the rows of the user the filter names, if it names one. */
    SqlWhere and(OwnerFilter owners) {
        return owners.user().map(user -> and("user_id", user)).orElse(this);
    }

    /** Sets the arguments as the statement's first parameters; later ones follow from {@code args().size() + 1}. */
    PreparedStatement bind(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < args.size(); i++) statement.setString(i + 1, args.get(i));
        return statement;
    }
}
