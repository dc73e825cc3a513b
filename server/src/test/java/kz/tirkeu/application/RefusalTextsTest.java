package kz.tirkeu.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Issue [11]: a refusal is told in the reader's language, so every refusal of the algorithm has its words in kk, ru and en. */
class RefusalTextsTest {

    @Test
    void everyRefusalIsWrittenInKazakhRussianAndEnglish() throws IOException {
        for (String suffix : List.of("", "_kk", "_ru")) {
            Properties messages = new Properties();
            try (InputStream in = RefusalTextsTest.class.getResourceAsStream("/messages" + suffix + ".properties")) {
                messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            assertThat(Arrays.stream(Refusal.values()).map(r -> "refusal." + r.name()).filter(key -> !messages.containsKey(key)))
                    .as("refusals without their text in messages%s.properties", suffix).isEmpty();
            assertThat(messages).containsKey("refusal." + RefusalTexts.BY_OFFICER + ".because");
        }
    }
}
