package dev.quire.studio;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the library lives: {@code --data-dir} first, then {@code QUIRE_HOME}, then the platform's
 * user data folder ({@code $XDG_DATA_HOME/quire}, {@code ~/Library/Application Support/Quire},
 * {@code %APPDATA%\Quire}).
 */
public final class LibraryLocation {

    public static final String FILE_NAME = "quire.db";

    private LibraryLocation() {
    }

    public static Path dataDir(Path explicit) {
        return dataDir(explicit, System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    static Path dataDir(Path explicit, Map<String, String> env, String osName, String userHome) {
        if (explicit != null) {
            return explicit.toAbsolutePath();
        }
        String quireHome = env.get("QUIRE_HOME");
        if (quireHome != null && !quireHome.isBlank()) {
            return Path.of(quireHome).toAbsolutePath();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        Path home = Path.of(userHome);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return (appData == null || appData.isBlank() ? home.resolve("AppData").resolve("Roaming") : Path.of(appData))
                    .resolve("Quire");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Quire");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg == null || xdg.isBlank() ? home.resolve(".local").resolve("share") : Path.of(xdg);
        return base.resolve("quire");
    }

    /**
     * Where settings that must stay out of the library live (API keys): {@code QUIRE_CONFIG_HOME},
     * else {@code $XDG_CONFIG_HOME/quire} ({@code ~/.config/quire}) on Linux, the data folder's
     * platform location on macOS and Windows.
     */
    public static Path configDir(Map<String, String> env) {
        return configDir(env, System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    static Path configDir(Map<String, String> env, String osName, String userHome) {
        String explicit = env.get("QUIRE_CONFIG_HOME");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            Map<String, String> withoutOverride = new java.util.HashMap<>(env);
            withoutOverride.remove("QUIRE_HOME");
            return dataDir(null, withoutOverride, osName, userHome);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg == null || xdg.isBlank() ? Path.of(userHome).resolve(".config") : Path.of(xdg);
        return base.resolve("quire");
    }

    public static Path libraryFile(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }
}
