package dev.quire.bench;

import dev.quire.Launcher;
import dev.quire.ui.prose.ProseArea;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Window;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the real studio ({@link Launcher#main}) and watches its window from outside the app: after
 * each layout pulse it looks for the binder tree with {@code quire.bench.binderRows} rows and a
 * prose area holding {@code quire.bench.sceneChars} characters, and prints {@link #OPEN_MARK} on
 * standard error the first time both are there. Only the benchmark uses it, to time start-up
 * until the resumed story is actually on screen (the app's own ready line comes earlier).
 */
public final class StudioProbe {

    static final String OPEN_MARK = "quire-bench: story open";
    static final String BINDER_MARK = "quire-bench: binder filled";

    private StudioProbe() {
    }

    public static void main(String[] args) {
        int binderRows = Integer.getInteger("quire.bench.binderRows", 1);
        int sceneChars = Integer.getInteger("quire.bench.sceneChars", 1);
        AtomicBoolean attached = new AtomicBoolean();
        AtomicBoolean seen = new AtomicBoolean();
        AtomicBoolean binderSeen = new AtomicBoolean();
        Thread watcher = new Thread(() -> {
            // wait for the toolkit and the window, then check after every layout pulse of its scene
            while (!attached.get()) {
                try {
                    Thread.sleep(10);
                    Platform.runLater(() -> {
                        if (attached.get()) {
                            return;
                        }
                        for (Window w : Window.getWindows()) {
                            Scene scene = w.getScene();
                            if (scene != null && w.isShowing()) {
                                attached.set(true);
                                Runnable[] check = new Runnable[1];
                                check[0] = () -> {
                                    if (!binderSeen.get() && binderFilled(scene, binderRows)) {
                                        binderSeen.set(true);
                                        System.err.println(BINDER_MARK);
                                    }
                                    if (!seen.get() && binderSeen.get() && sceneFilled(scene, sceneChars)) {
                                        seen.set(true);
                                        System.err.println(OPEN_MARK);
                                        Platform.runLater(() -> scene.removePostLayoutPulseListener(check[0]));
                                    }
                                };
                                scene.addPostLayoutPulseListener(check[0]);
                                return;
                            }
                        }
                    });
                } catch (IllegalStateException toolkitNotStarted) {
                    // the launcher has not started JavaFX yet
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-probe");
        watcher.setDaemon(true);
        watcher.start();
        Launcher.main(args);
    }

    private static boolean binderFilled(Scene scene, int binderRows) {
        for (Node n : scene.getRoot().lookupAll(".binder-tree")) {
            if (n instanceof TreeView<?> tree && tree.getRoot() != null && rows(tree.getRoot()) >= binderRows) {
                return true;
            }
        }
        return false;
    }

    private static boolean sceneFilled(Scene scene, int sceneChars) {
        for (Node n : scene.getRoot().lookupAll(".prose-area")) {
            if (n instanceof ProseArea area && area.getLength() >= sceneChars && area.isVisible()) {
                return true;
            }
        }
        return false;
    }

    private static int rows(TreeItem<?> item) {
        int n = 0;
        for (TreeItem<?> child : item.getChildren()) {
            n += 1 + rows(child);
        }
        return n;
    }
}
