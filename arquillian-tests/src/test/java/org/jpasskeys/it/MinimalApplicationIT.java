package org.jpasskeys.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jpasskeys.it.ApiClient.Answer;
import org.jpasskeys.it.minimal.CallerResource;
import org.jpasskeys.testing.SoftwareAuthenticator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What README's "Add passkeys to your application" promises: an application holding only the module (and what
 * it brings), one Jakarta REST resource with {@code @RolesAllowed}, one servlet with {@code @ServletSecurity},
 * its {@code microprofile-config.properties} and the documented descriptors gets passkey sign-up, usernameless
 * sign-in and protected resources by session and by Bearer token. It also holds the PostgreSQL driver, as an
 * application on PostgreSQL would (the module brings H2's).
 */
@ExtendWith(ArquillianExtension.class)
class MinimalApplicationIT {

    /** The descriptors README lists, one per server family; each server ignores the others'. */
    private static final String[] DESCRIPTORS = {"glassfish-web.xml", "jboss-deployment-structure.xml",
        "ibm-web-bnd.xml"};

    @Deployment(testable = false)
    static WebArchive deployment() {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "minimal.war")
                .addPackage(CallerResource.class.getPackage())
                .addAsLibraries(moduleAndItsDependencies())
                .addAsLibraries(new File(System.getProperty("it.postgresql.driver")))
                .addAsResource(new StringAsset("passkeys.registration.self-service=true\n"),
                        "META-INF/microprofile-config.properties");
        for (String descriptor : DESCRIPTORS) {
            war.addAsWebInfResource(new File(System.getProperty("sample.webinf"), descriptor), descriptor);
        }
        return war;
    }

    private static File[] moduleAndItsDependencies() {
        try (Stream<Path> jars = Files.list(Path.of(System.getProperty("module.libs")))) {
            return jars.map(Path::toFile).toArray(File[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ArquillianResource
    URL base;

    @Test
    void signUpThenUsernamelessSignInReachesTheProtectedResourcesBySessionAndByToken() {
        SoftwareAuthenticator laptop = SoftwareAuthenticator.es256();
        String username = Deployments.uniqueUsername("minimal");
        ApiClient anonymous = new ApiClient(base);
        assertThat(anonymous.get("api/caller", null).status()).isEqualTo(401);
        assertThat(anonymous.get("servlet/caller", null).status()).isEqualTo(401);

        Answer signUp = new ApiClient(base).signUp(laptop, username);
        assertThat(signUp.status()).as(signUp.raw().body()).isEqualTo(201);

        ApiClient browser = new ApiClient(base);
        Answer signIn = browser.signIn(laptop);
        assertThat(signIn.status()).as(signIn.raw().body()).isEqualTo(200);
        String token = signIn.json().getString("accessToken");

        for (String resource : new String[] {"api/caller", "servlet/caller"}) {
            Answer bySession = browser.get(resource, null);
            assertThat(bySession.status()).as(resource + ": " + bySession.raw().body()).isEqualTo(200);
            assertThat(bySession.json().getString("caller")).isEqualTo(username);
            Answer byToken = new ApiClient(base).get(resource, token);
            assertThat(byToken.status()).as(resource + ": " + byToken.raw().body()).isEqualTo(200);
            assertThat(byToken.json().getString("caller")).isEqualTo(username);
        }
        assertThat(browser.get("api/caller/admin", null).status()).as("a role the caller is not in").isEqualTo(403);
        assertThat(new ApiClient(base).get("api/caller", token + "x").status()).isEqualTo(401);
    }
}
