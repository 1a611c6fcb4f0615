package dev.quire.ui.settings;

import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import dev.quire.studio.Studio;
import dev.quire.ui.common.Background;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The providers page's logic, on a real library and a real loopback server. */
class ProvidersViewModelTest {

    private static final String KEY = "sk-test-PROVIDERS-PAGE-0451";

    @TempDir
    Path dir;

    private Studio studio;
    private Background background;
    private ProvidersViewModel model;
    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void open() throws Exception {
        server.start();
        studio = Studio.open(dir.resolve("library"), Studio.NewLibrary.EMPTY,
                Map.of("QUIRE_CONFIG_HOME", dir.resolve("config").toString()));
        background = Background.direct();
        model = new ProvidersViewModel(studio, background);
        model.reload();
    }

    @AfterEach
    void close() throws Exception {
        background.close();
        studio.close();
        server.close();
    }

    /** Waits until every write queued so far (and its result handlers) has run. */
    private void settle() throws Exception {
        background.writer().submit(() -> { }).get(10, TimeUnit.SECONDS);
    }

    private void fillLocalServer() {
        model.startNew(ProviderProfile.defaults(ProviderKind.OPENAI_COMPATIBLE));
        model.nameProperty().set("Workshop server");
        model.baseUrlProperty().set(server.url("/v1").toString().replaceAll("/$", ""));
        model.modelProperty().set("nemo-12b");
    }

    @Test
    void anInvalidProfileIsNotSavedAndSaysWhatIsWrong() throws Exception {
        model.startNew(ProviderProfile.defaults(ProviderKind.ANTHROPIC));
        model.baseUrlProperty().set("http://api.example.com");

        model.save();
        settle();

        assertFalse(model.problemsProperty().get().isEmpty());
        assertTrue(studio.providers().profiles().isEmpty());
    }

    @Test
    void aContextWindowThatCannotHoldTheOutputIsRefusedWithTheFigures() throws Exception {
        fillLocalServer();
        model.contextWindowProperty().set("1000");
        model.maxOutputTokensProperty().set("2000");

        model.save();
        settle();

        String problems = model.problemsProperty().get();
        assertTrue(problems.contains("context window (1,000 tokens)") && problems.contains("(2,000 tokens)"), problems);
        assertTrue(problems.contains("lower the maximum output below 1,000"), problems);
        assertTrue(studio.providers().profiles().isEmpty(), "nothing saved");
    }

    @Test
    void theFirstSavedProfileBecomesTheDefaultAndItsKeyStaysOutOfTheLibrary() throws Exception {
        fillLocalServer();
        model.newKeyProperty().set(KEY);

        model.save();
        settle();

        assertEquals("", model.problemsProperty().get());
        assertEquals("Workshop server", studio.providers().defaultProfileName().orElseThrow());
        assertEquals(KEY, studio.providers().key(studio.providers().find("Workshop server").orElseThrow())
                .orElseThrow().reveal());
        assertEquals("", model.newKeyProperty().get(), "the typed key is cleared once stored");
        for (String suffix : new String[] {"quire.db", "quire.db-wal"}) {
            Path file = dir.resolve("library").resolve(suffix);
            if (Files.exists(file)) {
                assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(KEY),
                        "the key is in " + file);
            }
        }
    }

    @Test
    void testConnectionReportsTheLatencyAndTheServersModels() throws Exception {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body("{\"id\":\"c1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":"
                        + "{\"role\":\"assistant\",\"content\":\"OK\"},\"finish_reason\":\"length\"}]}").build());
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body("{\"object\":\"list\",\"data\":[{\"id\":\"nemo-12b\"},{\"id\":\"qwen-14b\"}]}").build());
        fillLocalServer();

        model.testConnection();

        assertEquals(ProvidersViewModel.TestState.PASSED, model.testStateProperty().get(),
                model.testResultProperty().get());
        assertTrue(model.testResultProperty().get().matches("Connected: nemo-12b answered in \\d+ ms\\. 2 models available\\."),
                model.testResultProperty().get());
        assertEquals(java.util.List.of("nemo-12b", "qwen-14b"), model.models());
        RecordedRequest ping = server.takeRequest();
        assertEquals("/v1/chat/completions", ping.getUrl().encodedPath());
    }

    @Test
    void testConnectionOnAServerThatRejectsTheKeySaysSoWithoutTheKey() throws Exception {
        server.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\",\"type\":"
                        + "\"invalid_request_error\",\"code\":\"invalid_api_key\"}}").build());
        fillLocalServer();
        model.newKeyProperty().set(KEY);

        model.testConnection();

        assertEquals(ProvidersViewModel.TestState.FAILED, model.testStateProperty().get());
        String message = model.testResultProperty().get();
        assertTrue(message.contains("Workshop server"), message);
        assertFalse(message.contains(KEY), message);
        assertEquals("Bearer " + KEY, server.takeRequest().getHeaders().get("Authorization"),
                "the typed key was the one sent");
    }

    @Test
    void removingAProfileForgetsItsKey() throws Exception {
        fillLocalServer();
        model.newKeyProperty().set(KEY);
        model.save();
        settle();
        model.selectedProperty().set(studio.providers().find("Workshop server").orElseThrow());

        model.delete();
        settle();

        assertTrue(studio.providers().profiles().isEmpty());
        assertTrue(studio.providers().key(ProviderProfile.defaults(ProviderKind.OPENAI_COMPATIBLE)
                .withName("Workshop server")).isEmpty());
    }

    @Test
    void editingAProfileKeepsItsBans() throws Exception {
        ProviderProfile kobold = new ProviderProfile("Kobold", ProviderKind.OPENAI_COMPATIBLE,
                server.url("/v1").toString().replaceAll("/$", ""), "nemo-12b", 8192, 1024).withBans("koboldcpp");
        studio.providers().save(kobold, null);
        model.reload();
        model.selectedProperty().set(studio.providers().find("Kobold").orElseThrow());
        model.modelProperty().set("qwen-14b");

        model.save();
        settle();

        assertEquals("", model.problemsProperty().get());
        ProviderProfile saved = studio.providers().find("Kobold").orElseThrow();
        assertEquals("qwen-14b", saved.defaultModel());
        assertEquals("koboldcpp", saved.bans());
    }

    @Test
    void theBansChosenInTheFormAreSavedWithTheProfile() throws Exception {
        fillLocalServer();
        assertEquals("auto", model.bansProperty().get(), "a new profile follows the server");
        model.bansProperty().set("llamacpp");

        model.save();
        settle();

        assertEquals("llamacpp", studio.providers().find("Workshop server").orElseThrow().bans());
        model.reload();
        model.selectedProperty().set(studio.providers().find("Workshop server").orElseThrow());
        assertEquals("llamacpp", model.bansProperty().get());
    }

    @Test
    void testConnectionSaysWhichServerItIsAndHowTheAvoidListReachesIt() throws Exception {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body("{\"id\":\"c1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":"
                        + "{\"role\":\"assistant\",\"content\":\"OK\"},\"finish_reason\":\"length\"}]}").build());
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body("{\"object\":\"list\",\"data\":[{\"id\":\"koboldcpp/nemo-12b\",\"object\":\"model\","
                        + "\"owned_by\":\"koboldcpp\"}]}").build());
        fillLocalServer();

        model.testConnection();

        String result = model.testResultProperty().get();
        assertEquals(ProvidersViewModel.TestState.PASSED, model.testStateProperty().get(), result);
        assertTrue(result.endsWith("This is KoboldCpp: the avoid list goes as banned_tokens."), result);

        model.bansProperty().set("none");
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body("{\"id\":\"c2\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":"
                        + "{\"role\":\"assistant\",\"content\":\"OK\"},\"finish_reason\":\"length\"}]}").build());
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body("{\"object\":\"list\",\"data\":[{\"id\":\"koboldcpp/nemo-12b\",\"owned_by\":\"koboldcpp\"}]}")
                .build());
        model.testConnection();
        assertFalse(model.testResultProperty().get().contains("KoboldCpp"),
                "a profile that chose its bans is not told what automatic would do");
    }
}
