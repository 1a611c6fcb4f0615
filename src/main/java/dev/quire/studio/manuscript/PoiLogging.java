package dev.quire.studio.manuscript;

/**
 * Apache POI logs through the Log4j API, and with no Log4j implementation on the class path the API
 * prints an error about it to standard error the first time POI is used: noise in the middle of a
 * command's output. Quire has no use for POI's log, so before POI loads, the API is pointed at its
 * own built-in simple provider, switched off. A setting made already (a -D option) is left alone.
 */
final class PoiLogging {

    private PoiLogging() {
    }

    static void quiet() {
        setIfAbsent("log4j.provider", "org.apache.logging.log4j.simple.internal.SimpleProvider");
        setIfAbsent("log4j2.simplelogLevel", "OFF");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
