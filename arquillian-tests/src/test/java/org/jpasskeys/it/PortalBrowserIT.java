package org.jpasskeys.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sample portal in headless Chromium with virtual authenticators, as a person uses it. Each test leaves
 * a screenshot of its last page in {@code target/screenshots}.
 */
@ExtendWith(ArquillianExtension.class)
class PortalBrowserIT {

    private static final String GUIDANCE_FOR_A_SECOND_PASSKEY_ON_ONE_DEVICE =
            "already has a passkey for this account: use another device or scan the QR code with your phone";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.sample();
    }

    @ArquillianResource
    URL base;

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(base);
    }

    @AfterEach
    void screenshotAndClose(TestInfo test) {
        try {
            browser.screenshot(getClass().getSimpleName() + "-" + test.getTestMethod().orElseThrow().getName());
        } finally {
            browser.close();
        }
    }

    @Test
    void passkeySignUpSignsTheNewAccountIn() {
        String laptop = browser.addAuthenticator("internal");
        String username = Deployments.uniqueUsername("ada");

        signUpWithPasskey(username);

        assertThat(browser.waitForText("#auth-method", "a passkey")).isEqualTo("a passkey");
        assertThat(browser.element("#aal").getText()).startsWith("AAL2");
        assertThat(browser.element("#claims").getText()).contains("\"sub\"", "\"acr\": \"aal2\"");
        assertThat(browser.visible("#upgrade-prompt")).as("no passkey prompt after a passkey sign-up").isFalse();
        assertThat(browser.credentials(laptop)).singleElement()
                .satisfies(c -> assertThat(c.get("isResidentCredential")).isEqualTo(true));
    }

    @Test
    void signInWithThePasskeyButton() {
        String laptop = browser.addAuthenticator("internal");
        String username = Deployments.uniqueUsername("bea");
        signUpWithPasskey(username);
        Browser.DetachedAuthenticator detached = browser.detach(laptop, "internal");
        signOut();
        browser.reattach(detached);
        sleep(2000);
        assertThat(browser.path()).isEqualTo("/");

        browser.click("#passkey-sign-in");

        browser.waitForPath("/account/");
        assertThat(browser.waitForText("#caller", username)).isEqualTo(username);
        assertThat(browser.element("#auth-method").getText()).isEqualTo("a passkey");
    }

    @Test
    void signInThroughPasskeyAutofill() {
        String laptop = browser.addAuthenticator("internal");
        String username = Deployments.uniqueUsername("cy");
        signUpWithPasskey(username);
        Browser.DetachedAuthenticator detached = browser.detach(laptop, "internal");
        signOut();
        browser.reattach(detached);

        browser.go("");

        browser.waitForPath("/account/");
        assertThat(browser.waitForText("#caller", username)).isEqualTo(username);
    }

    private void signUpWithPasskey(String username) {
        browser.go("signup.html");
        browser.type("#username", username);
        browser.type("#display-name", "Ada Lovelace");
        browser.click("#passkey-sign-up");
        browser.waitForPath("/account/");
        browser.waitForText("#caller", username);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void signOut() {
        browser.click("#sign-out");
        browser.waitForPath("/");
        browser.element("#passkey-sign-in");
    }
}
