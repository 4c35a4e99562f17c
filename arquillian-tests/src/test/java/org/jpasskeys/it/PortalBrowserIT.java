package org.jpasskeys.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jpasskeys.testing.SoftwareAuthenticator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.Select;

/**
 * The sample portal in headless Chromium with virtual authenticators, as a person uses it. Each test leaves
 * a screenshot of its last page in {@code target/screenshots}.
 */
@Tag("browser")
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
            assertThat(browser.contentSecurityPolicyViolations()).as("the pages work under the sample's CSP")
                    .isEmpty();
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
        signOutHolding(laptop, "internal");
        // The autofill request pending since the page loaded does not take the returned authenticator.
        sleep(2000);
        assertThat(browser.path()).isEqualTo("/");

        browser.click("#passkey-sign-in");

        assertSignedInAs(username);
        assertThat(browser.element("#auth-method").getText()).isEqualTo("a passkey");
    }

    @Test
    void signInThroughPasskeyAutofill() {
        String laptop = browser.addAuthenticator("internal");
        String username = Deployments.uniqueUsername("cy");
        signUpWithPasskey(username);
        signOutHolding(laptop, "internal");

        browser.go("");

        assertSignedInAs(username);
    }

    @Test
    void anIdleSignInPageOnAFirstVisitAsksForOptionsAFewTimesAtMost() {
        browser.addAuthenticator("internal");

        browser.go("");
        sleep(3000);

        assertThat(browser.requestsTo("generate-authentication-discoverable")).isBetween(1L, 3L);
        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.element("#status").getAttribute("class")).as("nothing went wrong for the person")
                .doesNotContain("error");
    }

    @Test
    void anIdleSignInPageWithAPasskeyAsksForOptionsAFewTimesAtMostAndTheButtonStillSignsIn() {
        String laptop = browser.addAuthenticator("internal");
        String username = Deployments.uniqueUsername("hal");
        signUpWithPasskey(username);
        // The authenticator refuses the autofill request at once while the person does not verify.
        browser.userVerifies(laptop, false);
        signOut();

        sleep(3000);

        assertThat(browser.requestsTo("generate-authentication-discoverable")).isBetween(1L, 3L);
        assertThat(browser.path()).isEqualTo("/");
        browser.userVerifies(laptop, true);
        browser.click("#passkey-sign-in");
        assertSignedInAs(username);
    }

    @Test
    void aRateLimitedSignInSaysHowLongToWaitInProperEnglish() {
        browser.go("");
        browser.element("#passkey-sign-in");
        browser.script("window.fetch = () => Promise.resolve(new Response(JSON.stringify({type: 'about:blank',"
                + " title: 'Too many requests', status: 429, code: 'rate_limited',"
                + " detail: 'Too many attempts in a short time. Wait 1 second, then try again.'}),"
                + " {status: 429, headers: {'Content-Type': 'application/problem+json', 'Retry-After': '1'}}));");

        browser.click("#passkey-sign-in");

        assertThat(browser.waitForText("#status", "Wait")).contains("Wait 1 second,").doesNotContain("seconds");
    }

    @Test
    void passwordFallbackSignInIsFollowedByThePasskeyPromptWhichKeepsItsCooldown() {
        String laptop = browser.addAuthenticator("internal");
        String username = Deployments.uniqueUsername("dan");
        browser.go("signup.html");
        browser.type("#username", username);
        browser.click("#password-option summary");
        browser.type("#new-password", "correct horse battery");
        browser.click("#password-sign-up");
        browser.waitForPath("/account/");
        assertThat(browser.waitForText("#auth-method", "a password")).isEqualTo("a password");
        assertThat(browser.element("#aal").getText()).startsWith("AAL1");
        browser.waitUntil("the passkey prompt shows", () -> browser.visible("#upgrade-prompt"));
        browser.click("#not-now");
        assertThat(browser.visible("#upgrade-prompt")).isFalse();

        signOut();
        signInWithPassword(username, "correct horse battery");
        assertThat(browser.visible("#upgrade-prompt")).as("not again within the cooldown").isFalse();
        browser.script("localStorage.clear()");
        browser.go("account/");
        browser.waitUntil("the passkey prompt shows after the cooldown", () -> browser.visible("#upgrade-prompt"));
        browser.click("#create-passkey");
        browser.waitForText("#status", "Your passkey is ready");
        assertThat(browser.visible("#upgrade-prompt")).isFalse();
        assertThat(browser.credentials(laptop)).hasSize(1);

        signOutHolding(laptop, "internal");
        browser.click("#passkey-sign-in");
        assertSignedInAs(username);
        assertThat(browser.waitForText("#auth-method", "a passkey")).isEqualTo("a passkey");
    }

    @Test
    void aPhoneEnrolledFromAddAPasskeyOnAnotherDeviceThenSignsInAlone() {
        String laptop = browser.addAuthenticator("internal");
        String username = Deployments.uniqueUsername("eve");
        signUpWithPasskey(username);
        browser.go("account/passkeys.html");
        browser.waitUntil("one passkey listed", () -> browser.elements("#passkeys li").size() == 1);
        String phone = browser.addAuthenticator("cable");

        browser.click("#add-other-device");

        browser.waitForText("#status", "Passkey added on your other device");
        browser.waitUntil("two passkeys listed", () -> browser.elements("#passkeys li").size() == 2);
        assertThat(browser.credentials(phone)).singleElement()
                .satisfies(c -> assertThat(c.get("isResidentCredential")).isEqualTo(true));
        assertThat(browser.credentials(laptop)).hasSize(1);

        browser.removeAuthenticator(laptop);
        signOutHolding(phone, "cable");
        browser.click("#passkey-sign-in");
        assertSignedInAs(username);
    }

    @Test
    void theSameDeviceEnrolledTwiceShowsWhatToDoInstead() {
        String laptop = browser.addAuthenticator("internal");
        signUpWithPasskey(Deployments.uniqueUsername("fay"));
        browser.go("account/passkeys.html");
        browser.waitUntil("one passkey listed", () -> browser.elements("#passkeys li").size() == 1);

        browser.click("#add-this-device");

        assertThat(browser.waitForText("#status", GUIDANCE_FOR_A_SECOND_PASSKEY_ON_ONE_DEVICE))
                .doesNotContain("InvalidStateError");
        assertThat(browser.element("#status").getAttribute("class")).contains("error");
        assertThat(browser.elements("#passkeys li")).hasSize(1);
        assertThat(browser.credentials(laptop)).hasSize(1);
    }

    @Test
    void renameAndDeleteButNeverTheOnlyWayIn() {
        browser.addAuthenticator("internal");
        signUpWithPasskey(Deployments.uniqueUsername("gus"));
        browser.go("account/passkeys.html");
        browser.addAuthenticator("cable");
        browser.click("#add-other-device");
        browser.waitUntil("two passkeys listed", () -> browser.elements("#passkeys li").size() == 2);

        browser.click("#passkeys li:first-child .start-rename");
        browser.type("#passkeys li:first-child .rename input", "Work laptop");
        browser.click("#passkeys li:first-child .rename button[type=submit]");
        browser.waitForText("#status", "Renamed to “Work laptop”");
        assertThat(browser.waitForText("#passkeys li:first-child .name", "Work laptop")).isEqualTo("Work laptop");

        browser.click("#passkeys li:last-child .start-delete");
        browser.click("#passkeys li:last-child .really-delete");
        browser.waitForText("#status", "Deleted");
        browser.waitUntil("one passkey left", () -> browser.elements("#passkeys li").size() == 1);

        browser.click("#passkeys li .start-delete");
        browser.click("#passkeys li .really-delete");
        browser.waitForText("#status", "This is your only passkey");
        assertThat(browser.elements("#passkeys li")).hasSize(1);
        assertThat(browser.element("#passkeys li .name").getText()).isEqualTo("Work laptop");
    }

    @Test
    void anAdministratorFiltersTheAuditLogThenDisablesAndEnablesAnAccount() {
        SoftwareAuthenticator victimsKey = SoftwareAuthenticator.es256();
        String victim = Deployments.uniqueUsername("mallory");
        assertThat(new ApiClient(base).signUp(victimsKey, victim).status()).isEqualTo(201);
        String laptop = browser.addAuthenticator("internal");
        String administrator = System.getProperty("it.portal.admin");
        browser.go("");
        signInWithPassword(administrator, System.getProperty("it.admin.password"));
        browser.waitUntil("the passkey prompt shows", () -> browser.visible("#upgrade-prompt"));
        browser.click("#create-passkey");
        browser.waitForText("#status", "Your passkey is ready");
        signOutHolding(laptop, "internal");
        browser.click("#passkey-sign-in");
        assertSignedInAs(administrator);
        browser.click("#admin-link");
        browser.waitForPath("/account/admin.html");
        browser.waitUntil("events listed", () -> !browser.elements("#events tr").isEmpty());

        new Select(browser.element("#filters select[name=type]")).selectByVisibleText("REGISTRATION_SUCCEEDED");
        browser.click("#filters button[type=submit]");

        browser.waitUntil("only registrations listed", () -> browser.elements("#events tr td:nth-child(2)").stream()
                .allMatch(cell -> cell.getText().equals("REGISTRATION_SUCCEEDED")));
        assertThat(browser.elements("#events tr")).isNotEmpty();

        browser.type("#account-search input[name=username]", victim);
        browser.click("#account-search button[type=submit]");
        String row = "#accounts tr[data-username='" + victim + "']";
        browser.click(row + " [data-action=disable]");
        assertThat(browser.acceptDialog(null)).contains("Disable " + victim);
        browser.acceptDialog("suspicious activity");
        browser.waitForText("#account-status", victim + " is disabled");
        browser.waitForText(row + " td:nth-child(5)", "Disabled");
        assertThat(new ApiClient(base).signIn(victimsKey).status()).as("disabled").isEqualTo(401);

        browser.click(row + " [data-action=enable]");
        browser.waitForText("#account-status", victim + " is enabled again");
        assertThat(new ApiClient(base).signIn(victimsKey).status()).as("enabled").isEqualTo(200);

        browser.click(row + " [data-action=passkeys]");
        browser.waitUntil("the passkey listed", () -> browser.elements("#passkey-list tr").size() == 1);
        browser.click("#passkey-list [data-action=revoke]");
        browser.acceptDialog(null);
        browser.waitForText("#account-status", "Revoked");
        browser.waitUntil("no passkey left", () -> browser.visible("#no-passkeys"));
        assertThat(new ApiClient(base).signIn(victimsKey).status()).as("revoked").isEqualTo(401);
    }

    private void signInWithPassword(String username, String password) {
        browser.type("#username", username);
        browser.type("#password", password);
        browser.click("#password-sign-in button[type=submit]");
        browser.waitForPath("/account/");
        browser.waitForText("#caller", username);
    }

    /** The browser is on the account page of {@code username}. */
    private void assertSignedInAs(String username) {
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

    /**
     * Signs out and lands on the sign-in page without signing in again: Chromium's virtual authenticator
     * would answer the page's autofill request at once, so it is away while the page loads.
     */
    private void signOutHolding(String authenticatorId, String transport) {
        Browser.DetachedAuthenticator detached = browser.detach(authenticatorId, transport);
        signOut();
        browser.reattach(detached);
    }

    private void signOut() {
        browser.click("#sign-out");
        browser.waitForPath("/");
        browser.element("#passkey-sign-in");
    }
}
