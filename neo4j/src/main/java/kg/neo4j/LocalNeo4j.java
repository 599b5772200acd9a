// Starts Neo4j Community embedded with Bolt on loopback, so kg needs no Docker and no installed server.
package kg.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import inet.ipaddr.IPAddressString;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

public final class LocalNeo4j {
  private static final String HOST = "127.0.0.1";

  private LocalNeo4j() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = parseArgs(args);
    Path home = Path.of(opts.getOrDefault("home", ".kg/neo4j")).toAbsolutePath();
    int port = Integer.parseInt(opts.getOrDefault("port", "7687"));
    long pageCacheMb = Long.parseLong(opts.getOrDefault("pagecache-mb", "512"));

    // Checked up front: Neo4j's own bind failure is a long stack trace that hides the cause.
    if (!portIsFree(port)) {
      System.out.println("NEO4J_FAILED port " + port + " on " + HOST + " is already in use");
      System.exit(3);
    }

    DatabaseManagementService dbms;
    try {
      dbms = new DatabaseManagementServiceBuilder(home)
          .setConfig(BoltConnector.enabled, true)
          .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
          .setConfig(HttpConnector.enabled, false)
          .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
          .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
          .setConfig(GraphDatabaseSettings.keep_logical_logs, "100M size")
          .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
          // LOAD CSV is never how kg reads data: no local files (and no import folder to read them from),
          // and no address at all for outbound requests, so a query cannot read or send anything.
          .setConfig(GraphDatabaseSettings.allow_file_urls, false)
          .setConfig(GraphDatabaseSettings.load_csv_file_url_root, home.resolve("no-import"))
          .setConfig(GraphDatabaseInternalSettings.cypher_ip_blocklist,
              List.of(new IPAddressString("0.0.0.0/0"), new IPAddressString("::/0")))
          // One query cannot take the heap (and other users' work) with it: a huge result fails alone.
          .setConfig(GraphDatabaseSettings.memory_transaction_max_size, ByteUnit.mebiBytes(256))
          .build();
    } catch (RuntimeException e) {
      System.out.println("NEO4J_FAILED " + rootMessage(e));
      System.exit(4);
      return;
    }

    final DatabaseManagementService running = dbms;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      running.shutdown();
      System.out.println("NEO4J_STOPPED");
    }, "kg-neo4j-shutdown"));

    if (!dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).isAvailable(120_000)) {
      System.out.println("NEO4J_FAILED database did not become available within 120 s");
      System.exit(5);
    }
    System.out.println("NEO4J_READY bolt://" + HOST + ":" + port);
    System.out.flush();

    if (opts.containsKey("exit-on-stdin-close")) {
      // A parent that dies without stopping us must not leave the port and the store lock held.
      watchStdin();
    }
    Thread.currentThread().join();
  }

  private static void watchStdin() {
    Thread guard = new Thread(() -> {
      try (InputStream in = System.in) {
        while (in.read() != -1) {
          // Input is ignored; only its end matters.
        }
      } catch (IOException ignored) {
        // A broken pipe means the parent is gone, as EOF does.
      }
      System.exit(0);
    }, "kg-neo4j-stdin-guard");
    guard.setDaemon(true);
    guard.start();
  }

  private static boolean portIsFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(HOST, port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }

  private static Map<String, String> parseArgs(String[] args) {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument: " + arg);
      }
      String key = arg.substring(2);
      if (key.equals("exit-on-stdin-close")) {
        opts.put(key, "true");
      } else if (i + 1 < args.length) {
        opts.put(key, args[++i]);
      } else {
        throw new IllegalArgumentException("missing value for " + arg);
      }
    }
    return opts;
  }
}
