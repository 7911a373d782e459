package io.github.twitterlogin.benchmark;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.WebClientSession;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Virtual users that sign in again and again, each login as a new visitor (a cookie jar of its
 * own): {@code GET /auth}, the provider's authenticate URL, {@code GET /callback}, {@code GET /app}
 * as JSON. Redirects are not followed, so that each request is timed and checked. With several
 * gateways, login {@code n} starts on gateway {@code n} and finishes on the next one, as behind a
 * load balancer without sticky sessions; or, sticky, finishes where it started. Runs on one event loop of its own with keep-alive
 * connections, a pool as large as the number of users, so that no request waits for a connection.
 */
final class LoadDriver {

  private static final String LOOPBACK = "127.0.0.1";
  private static final long REQUEST_TIMEOUT_MILLIS = 30_000;

  private final WebClient client;
  private final Context context;
  private final List<Integer> gatewayPorts;
  private final String providerUrl;
  private final int users;
  private final boolean sticky;
  private final Queue<LoginResult> results = new ConcurrentLinkedQueue<>();
  private final AtomicLong succeeded = new AtomicLong();
  private long nextLogin;
  private volatile boolean stopping;

  LoadDriver(Vertx vertx, List<Integer> gatewayPorts, String providerUrl, int users, boolean sticky) {
    this.client = WebClient.create(vertx,
        new WebClientOptions().setFollowRedirects(false).setKeepAlive(true).setUserAgent("login-benchmark"),
        new PoolOptions().setHttp1MaxSize(users));
    this.context = vertx.getOrCreateContext();
    this.gatewayPorts = List.copyOf(gatewayPorts);
    this.providerUrl = providerUrl;
    this.users = users;
    this.sticky = sticky;
  }

  /** Starts the users; the future completes once each has finished its login after {@link #stop}. */
  Future<Void> start() {
    List<Future<Void>> finished = new ArrayList<>();
    for (int i = 0; i < users; i++) {
      Promise<Void> user = Promise.promise();
      finished.add(user.future());
      context.runOnContext(ignored -> loginAgain(user));
    }
    return Future.all(finished).mapEmpty();
  }

  void stop() {
    stopping = true;
  }

  /** How many logins have reached {@code /app} and got the user so far. */
  long succeeded() {
    return succeeded.get();
  }

  /** Every login finished so far, in no particular order. */
  List<LoginResult> results() {
    return List.copyOf(results);
  }

  private void loginAgain(Promise<Void> user) {
    if (stopping) {
      user.complete();
      return;
    }
    long login = nextLogin++;
    int start = gatewayPorts.get((int) (login % gatewayPorts.size()));
    int finish = sticky ? start : gatewayPorts.get((int) ((login + 1) % gatewayPorts.size()));
    new Login(WebClientSession.create(client), start, finish).run().onComplete(done -> {
      results.add(done.result());
      if (done.result().succeeded()) {
        succeeded.incrementAndGet();
      }
      // Through the context, not on this stack: a login that fails at once must not recurse.
      context.runOnContext(ignored -> loginAgain(user));
    });
  }

  /** One visitor's login; never fails: a failure becomes a result naming its step. */
  private final class Login {

    private final WebClientSession browser;
    private final int startPort;
    private final int finishPort;
    private final long startNanos = System.nanoTime();
    private long gatewayNanos;
    private long providerNanos;
    private Step step;

    Login(WebClientSession browser, int startPort, int finishPort) {
      this.browser = browser;
      this.startPort = startPort;
      this.finishPort = finishPort;
    }

    Future<LoginResult> run() {
      // From a future, so that a request that cannot even be sent fails the login, not the driver.
      return Future.succeededFuture()
          .compose(ignored -> send(Step.AUTH, browser.get(startPort, LOOPBACK, "/auth")))
          .compose(auth -> redirect(auth, providerUrl + "/"))
          .compose(authenticate -> send(Step.AUTHENTICATE, browser.getAbs(authenticate)))
          .compose(approved -> redirect(approved, null))
          .compose(callback -> send(Step.CALLBACK, browser.get(finishPort, LOOPBACK, pathAndQuery(callback))))
          .compose(callback -> redirect(callback, "/app"))
          .compose(app -> send(Step.APP,
              browser.get(finishPort, LOOPBACK, "/app").putHeader("Accept", "application/json")))
          .compose(Login::user)
          .map(user -> result(null, null))
          .recover(failure -> Future.succeededFuture(result(step, failure.getMessage())));
    }

    private Future<HttpResponse<Buffer>> send(Step next, HttpRequest<Buffer> request) {
      step = next;
      long sent = System.nanoTime();
      return request.timeout(REQUEST_TIMEOUT_MILLIS).send().onSuccess(response -> {
        long took = System.nanoTime() - sent;
        if (next == Step.AUTHENTICATE) {
          providerNanos += took;
        } else {
          gatewayNanos += took;
        }
      });
    }

    /** The Location of a 302 that starts with {@code expected} (any, when null). */
    private Future<String> redirect(HttpResponse<Buffer> response, String expected) {
      String location = response.getHeader("Location");
      if (response.statusCode() != 302 || location == null) {
        return Future.failedFuture("HTTP " + response.statusCode() + ", not a 302 redirect");
      }
      if (expected != null && !location.startsWith(expected)) {
        return Future.failedFuture("redirected to " + URI.create(location).getPath() + ", not " + expected);
      }
      return Future.succeededFuture(location);
    }

    private static Future<String> user(HttpResponse<Buffer> app) {
      if (app.statusCode() != 200) {
        return Future.failedFuture("HTTP " + app.statusCode() + ", not 200");
      }
      try {
        String screenName = new JsonObject(app.bodyAsString()).getString("screenName");
        return screenName == null || screenName.isEmpty()
            ? Future.failedFuture("no screenName in the JSON of /app")
            : Future.succeededFuture(screenName);
      } catch (RuntimeException notJson) {
        return Future.failedFuture("/app answered no JSON object");
      }
    }

    private LoginResult result(Step failedStep, String failure) {
      return new LoginResult(startNanos, System.nanoTime(), gatewayNanos, providerNanos, failedStep, failure);
    }
  }

  /** The callback URL is under the public URL (the load balancer's); the path and query go to a gateway. */
  static String pathAndQuery(String url) {
    URI uri = URI.create(url);
    return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
  }
}
