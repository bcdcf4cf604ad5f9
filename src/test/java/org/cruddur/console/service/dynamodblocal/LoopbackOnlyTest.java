package org.cruddur.console.service.dynamodblocal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.cruddur.console.config.AppDirectories;
import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.dynamodblocal.launcher.DynamoDbLocalLauncher;
import org.cruddur.console.testing.ListeningSockets;
import org.cruddur.console.testing.LocalDynamoDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded DynamoDB Local accepts any credentials, so it must listen on the loopback interface only. Checked from
 * the operating system's view (/proc/net/tcp and tcp6) and by connecting to the machine's other addresses. Runs the
 * DynamoDB Local version the build resolves: an upgrade that moves the internals the launcher sets fails here.
 */
class LoopbackOnlyTest {

    @AfterEach
    void clearSettings() {
        System.clearProperty(EmbeddedDynamoDbLocal.CHILD_OPTIONS_PROPERTY);
        System.clearProperty(EmbeddedDynamoDbLocal.LISTEN_ALL_PROPERTY);
    }

    @Test
    void listensOnLoopbackOnly() throws IOException {
        assumeThat(ListeningSockets.available()).as("needs Linux's /proc/net").isTrue();
        AppDirectories dirs = LocalDynamoDb.dirs();
        try (EmbeddedDynamoDbLocal local = EmbeddedDynamoDbLocal.start(dirs.dataDir(), s -> { })) {
            List<InetAddress> listening = ListeningSockets.on(local.port());
            assertThat(listening).as("sockets listening on port %d", local.port()).isNotEmpty()
                    .allMatch(InetAddress::isLoopbackAddress, "a loopback address");
            Optional<InetAddress> outside = nonLoopbackAddress();
            if (outside.isPresent()) {
                assertThatThrownBy(() -> connect(outside.get(), local.port()))
                        .as("connecting through %s", outside.get()).isInstanceOf(ConnectException.class);
            }
            connect(InetAddress.getByName("127.0.0.1"), local.port()); // and it does answer on loopback
        }
    }

    /** The same check sees a server that was told to listen everywhere: the test above can fail. */
    @Test
    void listenAllIsHonouredWhenAskedFor() throws IOException {
        assumeThat(ListeningSockets.available()).as("needs Linux's /proc/net").isTrue();
        System.setProperty(EmbeddedDynamoDbLocal.LISTEN_ALL_PROPERTY, "true");
        try (EmbeddedDynamoDbLocal local = EmbeddedDynamoDbLocal.start(LocalDynamoDb.dirs().dataDir(), s -> { })) {
            assertThat(ListeningSockets.on(local.port())).anyMatch(InetAddress::isAnyLocalAddress);
        }
    }

    /** A launcher that cannot bind to loopback (here: told a field name DynamoDB Local lacks) starts nothing. */
    @Test
    void refusesToStartWhenItCannotBindToLoopback() throws IOException {
        System.setProperty(EmbeddedDynamoDbLocal.CHILD_OPTIONS_PROPERTY,
                "-D" + DynamoDbLocalLauncher.SERVER_FIELD_PROPERTY + "=noSuchField");
        AppDirectories dirs = LocalDynamoDb.dirs();
        EmbeddedDynamoDbLocal local = EmbeddedDynamoDbLocal.launch(dirs.dataDir(), false);
        int port = local.port();
        assertThatThrownBy(() -> local.awaitReady(s -> { }))
                .isInstanceOf(ConsoleException.class)
                .hasMessageStartingWith("DynamoDB Local was not started: it cannot be bound to the loopback interface only")
                .hasMessageContaining("CRUDDUR_DYNAMODB_LOCAL_LISTEN_ALL=true")
                .hasMessageNotContaining("\n");
        local.close();
        assertThat(ProcessHandle.of(local.pid()).map(ProcessHandle::isAlive)).as("the launcher exited").isNotEqualTo(Optional.of(true));
        if (ListeningSockets.available()) {
            assertThat(ListeningSockets.on(port)).isEmpty();
        }
        assertThat(ServerRecord.read(dirs.dataDir())).as("nothing noted for others to borrow").isEmpty();
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 1000);
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }
}
