package io.github.twitterlogin.gateway;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Requests written byte for byte on a raw connection, for what no HTTP client sends: a path that
 * does not decode, a broken chunked body, a request line or headers longer than the server reads,
 * a bad {@code Host}, {@code OPTIONS *}. The answer is complete once its head and as many bytes
 * of body as its {@code Content-Length} say have arrived, or once the server closes the
 * connection.
 */
final class RawHttp {

  private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)");
  private static final long DEADLINE_SECONDS = 30;

  private final NetClient client;

  RawHttp(Vertx vertx) {
    this.client = vertx.createNetClient(new NetClientOptions().setConnectTimeout(5_000));
  }

  /** An answer as it came: the status line's code, the headers, the body. */
  record Response(int status, MultiMap headers, String body, String raw) {

    static Response parse(String raw) {
      int headEnd = raw.indexOf("\r\n\r\n");
      if (headEnd < 0) {
        throw new AssertionError("No whole answer: [" + raw + "]");
      }
      String[] head = raw.substring(0, headEnd).split("\r\n");
      MultiMap headers = MultiMap.caseInsensitiveMultiMap();
      for (int i = 1; i < head.length; i++) {
        int colon = head[i].indexOf(':');
        headers.add(head[i].substring(0, colon).trim(), head[i].substring(colon + 1).trim());
      }
      return new Response(Integer.parseInt(head[0].split(" ")[1]), headers, raw.substring(headEnd + 4), raw);
    }

    String header(String name) {
      return headers.get(name);
    }
  }

  /** Sends {@code request} as it is and reads the answer. */
  Response exchange(int port, String request) throws Exception {
    String raw = client.connect(port, "127.0.0.1").compose(socket -> answerOf(socket, request))
        .await(DEADLINE_SECONDS, TimeUnit.SECONDS);
    return Response.parse(raw);
  }

  private static Future<String> answerOf(NetSocket socket, String request) {
    Promise<String> answer = Promise.promise();
    Buffer received = Buffer.buffer();
    socket.handler(data -> {
      received.appendBuffer(data);
      if (isWhole(received.toString())) {
        answer.tryComplete(received.toString());
        socket.close();
      }
    });
    socket.closeHandler(closed -> answer.tryComplete(received.toString()));
    socket.write(request);
    return answer.future();
  }

  private static boolean isWhole(String received) {
    int headEnd = received.indexOf("\r\n\r\n");
    if (headEnd < 0) {
      return false;
    }
    Matcher length = CONTENT_LENGTH.matcher(received.substring(0, headEnd));
    return length.find()
        && received.substring(headEnd + 4).getBytes(StandardCharsets.UTF_8).length >= Integer.parseInt(length.group(1));
  }
}
