package io.github.twitterlogin.sandbox;

import io.github.twitterlogin.client.oauth.Parameter;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * What a signature covers (RFC 5849 section 3.4.1): the method, the URL as the client addressed
 * it (its Host header, section 3.4.1.2), the form body's parameters, and the Authorization header.
 */
record SignedRequest(String method, URI url, List<Parameter> form, String authorization) {

  private static final String FORM = "application/x-www-form-urlencoded";

  /** @throws IllegalArgumentException when the URL or the form cannot be decoded */
  static SignedRequest from(RoutingContext ctx) {
    String contentType = ctx.request().getHeader("Content-Type");
    boolean isForm = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(FORM);
    List<Parameter> form = isForm && ctx.body().available() ? Parameter.parseForm(ctx.body().asString()) : List.of();
    return new SignedRequest(ctx.request().method().name(), URI.create(ctx.request().absoluteURI()), form,
        ctx.request().getHeader("Authorization"));
  }

  /** A parameter from the query or the form, the places other than the header that OAuth reads. */
  String queryOrFormParameter(String name) {
    return Parameter.parseForm(url.getRawQuery()).stream()
        .filter(parameter -> parameter.name().equals(name))
        .map(Parameter::value)
        .findFirst()
        .orElseGet(() -> form.stream().filter(parameter -> parameter.name().equals(name))
            .map(Parameter::value).findFirst().orElse(null));
  }
}
