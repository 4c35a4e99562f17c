package org.jpasskeys.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driving the sample, with WebAuthn virtual authenticators from the DevTools protocol
 * (its {@code cable} transport is the phone of the hybrid "use a phone" flow).
 */
final class Browser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String CSP_VIOLATIONS = "jpasskeys-test-csp-violations";
    private static final String REQUESTS = "jpasskeys-test-requests";

    private final ChromeDriver driver;
    private final URL base;
    private final Path profile;

    private Browser(ChromeDriver driver, URL base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
        driver.executeCdpCommand("WebAuthn.enable", Map.of("enableUI", false));
        // Every Content-Security-Policy violation of every page of this tab, kept in its session storage.
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "document.addEventListener('securitypolicyviolation', (e) => {"
                        + " const seen = JSON.parse(sessionStorage.getItem('" + CSP_VIOLATIONS + "') || '[]');"
                        + " seen.push(location.pathname + ': ' + e.violatedDirective + ' ' + e.blockedURI);"
                        + " sessionStorage.setItem('" + CSP_VIOLATIONS + "', JSON.stringify(seen)); });"));
        // The last path segment of every fetch of every page of this tab, counted in its session storage.
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "{ const fetch = window.fetch; window.fetch = (input, init) => {"
                        + " const name = new URL(input instanceof Request ? input.url : input, location.href)"
                        + ".pathname.split('/').pop();"
                        + " const counts = JSON.parse(sessionStorage.getItem('" + REQUESTS + "') || '{}');"
                        + " counts[name] = (counts[name] || 0) + 1;"
                        + " sessionStorage.setItem('" + REQUESTS + "', JSON.stringify(counts));"
                        + " return fetch(input, init); }; }"));
    }

    /**
     * How many requests the pages of this tab have fetched from endpoints whose path ends in {@code name}, since
     * the tab opened or a page cleared its session storage (signing out does).
     */
    long requestsTo(String name) {
        Object count = driver.executeScript(
                "return JSON.parse(sessionStorage.getItem('" + REQUESTS + "') || '{}')[arguments[0]] || 0;", name);
        return ((Number) count).longValue();
    }

    /** The Content-Security-Policy violations that pages of this tab reported. */
    @SuppressWarnings("unchecked")
    List<String> contentSecurityPolicyViolations() {
        return (List<String>) driver.executeScript(
                "return JSON.parse(sessionStorage.getItem('" + CSP_VIOLATIONS + "') || '[]');");
    }

    /** Waits for a {@code confirm()} or {@code prompt()} dialog, answers {@code text} to a prompt, and accepts it. */
    String acceptDialog(String text) {
        Alert dialog = new WebDriverWait(driver, WAIT).until(ExpectedConditions.alertIsPresent());
        String question = dialog.getText();
        if (text != null) {
            dialog.sendKeys(text);
        }
        dialog.accept();
        return question;
    }

    static Browser open(URL base) {
        try {
            Path profile = Files.createTempDirectory("jpasskeys-chromium");
            ChromeOptions options = new ChromeOptions()
                    .setBinary(System.getProperty("it.chromium", "/usr/bin/chromium"))
                    .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            "--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of(System.getProperty("it.chromedriver", "/usr/bin/chromedriver"))
                            .toFile())
                    .build();
            // WebAuthn needs a secure context: localhost is one, whatever name the server reports.
            return new Browser(new ChromeDriver(service, options), new URL("http", "localhost", base.getPort(),
                    base.getPath()), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A passkey authenticator with user verification: {@code internal} (this device) or {@code cable} (a phone). */
    String addAuthenticator(String transport) {
        Map<String, Object> answer = driver.executeCdpCommand("WebAuthn.addVirtualAuthenticator", Map.of("options",
                Map.of("protocol", "ctap2", "transport", transport, "hasResidentKey", true,
                        "hasUserVerification", true, "isUserVerified", true, "automaticPresenceSimulation", true)));
        return (String) answer.get("authenticatorId");
    }

    /** Whether the authenticator's user verification (the fingerprint, the face) succeeds from now on. */
    void userVerifies(String authenticatorId, boolean verified) {
        driver.executeCdpCommand("WebAuthn.setUserVerified",
                Map.of("authenticatorId", authenticatorId, "isUserVerified", verified));
    }

    void removeAuthenticator(String authenticatorId) {
        driver.executeCdpCommand("WebAuthn.removeVirtualAuthenticator", Map.of("authenticatorId", authenticatorId));
    }

    /** An authenticator taken away from the browser, with its passkeys, to be given back by {@link #reattach}. */
    record DetachedAuthenticator(String transport, List<Map<String, Object>> credentials) {
    }

    /**
     * Takes an authenticator away. Chromium's virtual environment answers a passkey-autofill request at once,
     * so a test that must reach the sign-in page without signing in detaches the authenticator first.
     */
    DetachedAuthenticator detach(String authenticatorId, String transport) {
        DetachedAuthenticator detached = new DetachedAuthenticator(transport, credentials(authenticatorId));
        removeAuthenticator(authenticatorId);
        return detached;
    }

    /** Gives a detached authenticator back (a new one holding the same passkeys); answers its new id. */
    String reattach(DetachedAuthenticator detached) {
        String id = addAuthenticator(detached.transport());
        detached.credentials().forEach(credential -> driver.executeCdpCommand("WebAuthn.addCredential",
                Map.of("authenticatorId", id, "credential", credential)));
        return id;
    }

    /** The passkeys an authenticator holds. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> credentials(String authenticatorId) {
        return (List<Map<String, Object>>) driver.executeCdpCommand("WebAuthn.getCredentials",
                Map.of("authenticatorId", authenticatorId)).get("credentials");
    }

    void go(String page) {
        try {
            driver.get(new URL(base, page).toString());
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(page, e);
        }
    }

    String path() {
        try {
            return new URL(driver.getCurrentUrl()).getPath().substring(base.getPath().length() - 1);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    WebElement element(String css) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> elements(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void click(String css) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    void type(String css, String text) {
        WebElement field = element(css);
        field.clear();
        field.sendKeys(text);
    }

    /** Waits until the element shows {@code text} (or fails with what it shows). */
    String waitForText(String css, String text) {
        new WebDriverWait(driver, WAIT)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
        return element(css).getText();
    }

    void waitForPath(String path) {
        new WebDriverWait(driver, WAIT).withMessage(() -> "expected " + path + " but the browser is at " + path())
                .until(d -> path().equals(path));
    }

    /** Waits for a condition on the page; elements replaced while it is checked are simply checked again. */
    void waitUntil(String description, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(driver, WAIT).withMessage(description).ignoring(StaleElementReferenceException.class)
                .until(d -> condition.getAsBoolean());
    }

    boolean visible(String css) {
        return elements(css).stream().anyMatch(WebElement::isDisplayed);
    }

    Object script(String javascript, Object... arguments) {
        return driver.executeScript(javascript, arguments);
    }

    /** Saves what the page looks like now, as a build artifact. */
    void screenshot(String name) {
        try {
            Path directory = Path.of(System.getProperty("it.screenshots", "target/screenshots"));
            Files.createDirectories(directory);
            Files.write(directory.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary profile is harmless.
        }
    }
}
