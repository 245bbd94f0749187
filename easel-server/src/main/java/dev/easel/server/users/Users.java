package dev.easel.server.users;

import java.nio.file.Path;

/** Who the users are, which one a request is, and their files and settings: one per server. */
public record Users(UserRegistry registry, RequestUser requestUser, UserData data, UserSettings settings) {

    /** With {@code auth} a request is the user of its token, otherwise ComfyUI's rule of {@link RequestUser#comfyHeader}. */
    public static Users open(Path userDir, boolean multiUser, boolean auth) {
        UserRegistry registry = UserRegistry.open(userDir, multiUser);
        UserData data = new UserData(userDir);
        RequestUser requestUser = auth ? RequestUser.identity() : RequestUser.comfyHeader(registry);
        return new Users(registry, requestUser, data, new UserSettings(data));
    }
}
