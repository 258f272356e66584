package io.ztrade.testtools;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's own headless Chromium starts on a machine that has only a JDK, runs scripts and renders. */
class HeadlessChromiumTest {

    private static String page(String html) {
        return "data:text/html;charset=utf-8," + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void runsThePagesScriptAndReadsTheResultingDom() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.launch()) {
            browser.navigate(page("<p id='out'></p><script>document.getElementById('out').textContent = [1, 2, 3].map(x => x * x).join('+');</script>"));
            String text = null;
            for (int i = 0; i < 100 && (text == null || text.isEmpty()); i++) {
                text = browser.eval("document.getElementById('out') && document.getElementById('out').textContent");
                Thread.sleep(50);
            }
            assertThat(text).isEqualTo("1+4+9");
        }
    }

    @Test
    void takesAScreenshotOfWhatItRendered(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("shot.png");
        try (HeadlessChromium browser = HeadlessChromium.launch()) {
            browser.navigate(page("<body style='margin:0;background:rgb(255,0,0)'><div style='height:100vh'></div></body>"));
            for (int i = 0; i < 100 && !"complete".equals(browser.eval("document.readyState")); i++) {
                Thread.sleep(50);
            }
            browser.screenshot(png, false);
        }
        BufferedImage image = ImageIO.read(Files.newInputStream(png));
        assertThat(image.getWidth()).isGreaterThan(100);
        int rgb = image.getRGB(image.getWidth() / 2, image.getHeight() / 2) & 0xffffff;
        assertThat(Integer.toHexString(rgb)).isEqualTo("ff0000");
    }
}
