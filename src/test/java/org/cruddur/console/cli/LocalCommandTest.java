package org.cruddur.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cruddur.console.config.AppDirectories;
import org.cruddur.console.service.dynamodblocal.DynamoDbLocalInstall;
import org.cruddur.console.service.dynamodblocal.EmbeddedDynamoDbLocal;
import org.cruddur.console.testing.FakeMavenRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ddb local status|install} as a script would run them (no terminal), against a fake Maven Central that serves
 * the real pinned files from the local Maven repository.
 */
class LocalCommandTest {

    record Result(int code, String out, String err) {
    }

    @TempDir
    Path home;
    AppDirectories dirs;
    FakeMavenRepository central;
    String testedCopy;

    @BeforeEach
    void setUp() {
        dirs = new AppDirectories(home.resolve("config"), home.resolve("data"));
        central = FakeMavenRepository.serving(Path.of(System.getProperty("cruddur.test.localRepository")));
        System.setProperty(DynamoDbLocalInstall.REPOSITORY_PROPERTY, central.uri().toString());
        // the build's own copy (target/dynamodb-local) would count as installed: hide it, as an installed app has none
        testedCopy = System.clearProperty(EmbeddedDynamoDbLocal.DIR_PROPERTY);
    }

    @AfterEach
    void tearDown() {
        System.clearProperty(DynamoDbLocalInstall.REPOSITORY_PROPERTY);
        if (testedCopy != null) {
            System.setProperty(EmbeddedDynamoDbLocal.DIR_PROPERTY, testedCopy);
        }
        central.close();
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ConsoleCommand.run(dirs, new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void withoutAcceptLicenseItShowsTheLicenseAndInstallsNothing() {
        Result result = run("ddb", "local", "install", "--download");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out()).contains("LICENSE.txt inside " + central.uri() + "software/amazon/dynamodb/DynamoDBLocal/3.1.0/DynamoDBLocal-3.1.0.jar")
                .contains("Amazon DynamoDB Local License Agreement")
                .containsPattern("\\[… \\d+ more lines in LICENSE.txt inside ");
        assertThat(result.err().lines().filter(l -> l.startsWith("error: ")))
                .containsExactly("error: AWS's DynamoDB Local license was not accepted, so nothing was installed: "
                        + "read it, then run 'ddb local install --accept-license'");
        assertThat(dirs.dataDir().resolve("dynamodb-local")).doesNotExist();
    }

    @Test
    void withAcceptLicenseItDownloadsInstallsAndReportsIt() {
        Path lib = dirs.dataDir().resolve("dynamodb-local/lib");
        assertThat(run("ddb", "local", "status").out()).contains("install folder:   " + lib + " (empty)")
                .contains("download:         software.amazon.dynamodb:DynamoDBLocal:3.1.0 from " + central.uri() + " (78 files, ");

        Result installed = run("ddb", "local", "install", "--download", "--accept-license");

        assertThat(installed.code()).as(installed.err()).isZero();
        assertThat(installed.out()).startsWith("Installed DynamoDB Local (software.amazon.dynamodb:DynamoDBLocal:3.1.0) from " + central.uri() + " into " + lib);
        assertThat(installed.err()).contains("local: Downloading DynamoDBLocal-3.1.0.jar").contains("100%)");
        assertThat(lib.resolve("DynamoDBLocal-3.1.0.jar")).isRegularFile();
        assertThat(run("ddb", "local", "status").out()).contains("install folder:   " + lib + " (installed)");
        assertThat(run("ddb", "local", "install").out()).isEqualTo("DynamoDB Local is already installed: " + lib + System.lineSeparator());
    }

    @Test
    void fromAFolderNeedsNoDownload() throws Exception {
        Path folder = Files.createDirectories(home.resolve("mine"));
        Path tested = Path.of(testedCopy);
        Files.copy(tested.resolve("DynamoDBLocal-3.1.0.jar"), folder.resolve("DynamoDBLocal-3.1.0.jar"));

        Result result = run("ddb", "local", "install", "--from", folder.toString());

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("Installed DynamoDB Local from " + folder);
        assertThat(central.requests()).isEmpty();
        assertThat(run("ddb", "local", "install", "--from", home.resolve("nowhere").toString()).err())
                .startsWith("error: " + home.resolve("nowhere") + " holds no DynamoDBLocal*.jar");
    }
}
