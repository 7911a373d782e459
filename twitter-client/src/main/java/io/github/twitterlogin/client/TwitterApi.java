package io.github.twitterlogin.client;

import io.github.twitterlogin.client.oauth.OAuthSigner;
import io.github.twitterlogin.client.oauth.Parameter;
import io.github.twitterlogin.client.oauth.UnsignedRequest;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.IntPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every HTTP call to Twitter: builds the URL below the API base URL, signs it, sends it within the
 * request timeout and turns a transport failure or an error answer into a
 * {@link TwitterFailureException}.
 */
final class TwitterApi {

  private static final Logger log = LoggerFactory.getLogger(TwitterApi.class);
  private static final String FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";

  private final WebClient client;
  private final OAuthSigner signer;
  private final String apiBaseUrl;
  private final long requestTimeoutMillis;
  private final String consumerSecret;
  private final String clientSecret;
  private final TwitterCallMetrics metrics;

  /** @param signer null when no consumer key is configured: OAuth 1.0a calls then fail BAD_REQUEST */
  TwitterApi(WebClient client, OAuthSigner signer, TwitterClientOptions options, TwitterCallMetrics metrics) {
    this.metrics = metrics;
    this.client = client;
    this.signer = signer;
    this.apiBaseUrl = options.getApiBaseUrl();
    this.requestTimeoutMillis = options.getRequestTimeoutMillis();
    this.consumerSecret = options.getConsumerSecret();
    this.clientSecret = options.getClientSecret();
  }

  /** Sends the request; any answer but a 2xx is a failure. */
  Future<HttpResponse<Buffer>> send(TwitterRequest request) {
    return exchange(request, false, status -> status < 200 || status > 299, TwitterErrors::failureOf);
  }

  /**
   * Sends a request to OAuth 2.0's token or revoke endpoint, whose refusals are RFC 6749 section
   * 5.2's 400 and 401: a code, verifier, refresh token or client the endpoint does not take.
   */
  Future<HttpResponse<Buffer>> sendToTokenEndpoint(TwitterRequest request) {
    return exchange(request, false, status -> status < 200 || status > 299, TwitterErrors::tokenEndpointFailureOf);
  }

  /**
   * Sends a user's own API call, whose caller wants to see a 403 or a 404 as Twitter gave it; only
   * 401, 429 and 5xx answers are failures.
   */
  Future<HttpResponse<Buffer>> sendForCaller(TwitterRequest request) {
    return exchange(request, true, TwitterErrors::failsAnApiCall, TwitterErrors::failureOf);
  }

  /** How a failed answer reads: the response, the request it answers, the secrets to hide. */
  @FunctionalInterface
  interface FailureReader {
    TwitterFailureException read(HttpResponse<Buffer> response, TwitterRequest request, SecretRedaction redaction);
  }

  /** @param userCall a call of the API as a user, counted as one operation whatever its path */
  private Future<HttpResponse<Buffer>> exchange(TwitterRequest request, boolean userCall, IntPredicate isFailure,
      FailureReader failure) {
    SecretRedaction redaction = redactionFor(request);
    long start = System.nanoTime();
    int[] status = new int[1];
    return Future.succeededFuture(request)
        .compose(this::sendSigned)
        .recover(cause -> Future.failedFuture(cause instanceof TwitterFailureException known ? known
            : transportFailure(request, cause, redaction)))
        .compose(response -> {
          log.debug("{} answered {}", request.describe(), response.statusCode());
          status[0] = response.statusCode();
          return isFailure.test(response.statusCode())
              ? Future.failedFuture(failure.read(response, request, redaction))
              : Future.succeededFuture(response);
        })
        .onComplete(done -> metrics.record(request, userCall, status[0], done.cause(), start));
  }

  /**
   * The query and the form are encoded here with RFC 3986 escapes and sent as they are, so that
   * Twitter reads exactly the parameters that were signed (RFC 5849 section 3.4.1.3.1).
   */
  private Future<HttpResponse<Buffer>> sendSigned(TwitterRequest request) {
    String url = urlOf(request);
    if (request.signedWithOAuth1() && signer == null) {
      return Future.failedFuture(new TwitterFailureException(TwitterFailure.BAD_REQUEST, request.describe()
          + " needs OAuth 1.0a, and this Twitter client has no consumer key (TWITTER_CONSUMER_KEY)"));
    }
    String authorization = request.signedWithOAuth1()
        ? signer.authorizationHeader(new UnsignedRequest(request.method().name(), URI.create(url), request.form(),
            request.token(), request.protocolParameters()))
        : request.authorization();
    HttpRequest<Buffer> http = client.requestAbs(request.method(), url).timeout(requestTimeoutMillis);
    if (!authorization.isEmpty()) {
      http.putHeader("Authorization", authorization);
    }
    if (request.form().isEmpty()) {
      return http.send();
    }
    return http.putHeader("Content-Type", FORM_CONTENT_TYPE)
        .sendBuffer(Buffer.buffer(Parameter.formatForm(request.form())));
  }

  private String urlOf(TwitterRequest request) {
    String url = apiBaseUrl + "/" + request.path();
    return request.query().isEmpty() ? url : url + "?" + Parameter.formatForm(request.query());
  }

  private TwitterFailureException transportFailure(TwitterRequest request, Throwable cause, SecretRedaction redaction) {
    if (cause instanceof TimeoutException) {
      return new TwitterFailureException(TwitterFailure.TIMEOUT,
          "Twitter did not answer " + request.describe() + " within " + requestTimeoutMillis + " ms");
    }
    if (isConnectionFailure(cause)) {
      return new TwitterFailureException(TwitterFailure.UNREACHABLE, redaction.apply(
          "Twitter could not be reached for " + request.describe() + ": " + cause.getMessage()));
    }
    log.warn("{} failed unexpectedly", request.describe(), cause);
    return new TwitterFailureException(
        TwitterFailure.INTERNAL_ERROR, "The Twitter client failed unexpectedly on " + request.describe());
  }

  /** Refused, reset or closed connections, unknown hosts, failed TLS handshakes: all are IOExceptions or closes. */
  private static boolean isConnectionFailure(Throwable cause) {
    return cause instanceof IOException
        || cause instanceof HttpClosedException
        || cause instanceof StreamResetException;
  }

  /** The secrets of {@code request}, the consumer secret and the client secret, to keep out of a failure text. */
  SecretRedaction redactionFor(TwitterRequest request) {
    List<String> secrets = new ArrayList<>(request.secrets());
    secrets.add(consumerSecret);
    secrets.add(clientSecret);
    return new SecretRedaction(secrets);
  }
}
