package io.github.twitterlogin.client.oauth.impl;

import io.github.twitterlogin.client.oauth.AuthorizationHeader;
import io.github.twitterlogin.client.oauth.ConsumerCredentials;
import io.github.twitterlogin.client.oauth.HmacSha1Signature;
import io.github.twitterlogin.client.oauth.OAuthSigner;
import io.github.twitterlogin.client.oauth.Parameter;
import io.github.twitterlogin.client.oauth.SignatureBaseString;
import io.github.twitterlogin.client.oauth.UnsignedRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

public final class HmacSha1Signer implements OAuthSigner {

  /** The same on every request; a {@link Parameter} keeps its encodings, so these are encoded once. */
  private static final Parameter SIGNATURE_METHOD = new Parameter("oauth_signature_method", HmacSha1Signature.METHOD);
  private static final Parameter VERSION = new Parameter("oauth_version", "1.0");

  private final ConsumerCredentials consumer;
  private final Parameter consumerKey;
  private final Clock clock;
  private final Supplier<String> nonces;
  private final boolean sendVersion;

  public HmacSha1Signer(ConsumerCredentials consumer, Clock clock, Supplier<String> nonces, boolean sendVersion) {
    this.consumer = consumer;
    this.consumerKey = new Parameter("oauth_consumer_key", consumer.key());
    this.clock = clock;
    this.nonces = nonces;
    this.sendVersion = sendVersion;
  }

  @Override
  public String authorizationHeader(UnsignedRequest request) {
    List<Parameter> protocol = protocolParameters(request);
    String baseString = SignatureBaseString.create(
        request.method(), request.url(), request.formParameters(), protocol);
    String tokenSecret = request.token() == null ? null : request.token().tokenSecret();
    protocol.add(new Parameter("oauth_signature", HmacSha1Signature.sign(baseString, consumer.secret(), tokenSecret)));
    return AuthorizationHeader.format(protocol);
  }

  /** Section 3.1: the parameters every signed request carries, in the order Twitter documents. */
  private List<Parameter> protocolParameters(UnsignedRequest request) {
    List<Parameter> protocol = new ArrayList<>(request.extraProtocolParameters().size() + 7);
    protocol.addAll(request.extraProtocolParameters());
    protocol.add(consumerKey);
    protocol.add(new Parameter("oauth_nonce", nonces.get()));
    protocol.add(SIGNATURE_METHOD);
    protocol.add(new Parameter("oauth_timestamp", Long.toString(clock.instant().getEpochSecond())));
    if (request.token() != null) {
      protocol.add(new Parameter("oauth_token", request.token().token()));
    }
    if (sendVersion) {
      protocol.add(VERSION);
    }
    return protocol;
  }
}
