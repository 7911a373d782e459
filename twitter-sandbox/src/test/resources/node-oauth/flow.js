'use strict';
// Drives the sandbox with the real node-oauth package, as passport-twitter does (its
// OAuth class, version '1.0', HMAC-SHA1). Each step prints one JSON object on stdout and
// exits 0, or prints {"failed": ...} and exits 1. The browser's consent step happens between
// "request-token" and "access-and-profile", in the Java test.
const OAuth = require('oauth').OAuth;

const [command, base, key, secret, ...rest] = process.argv.slice(2);

function client(callback) {
  return new OAuth(base + '/oauth/request_token', base + '/oauth/access_token', key, secret, '1.0',
      callback || null, 'HMAC-SHA1');
}

function print(result) {
  process.stdout.write(JSON.stringify(result));
}

function fail(step, error) {
  print({ failed: step, statusCode: error && error.statusCode, data: error && String(error.data) });
  process.exitCode = 1;
}

if (command === 'request-token') {
  const [callback, accessType] = rest;
  const extra = accessType ? { x_auth_access_type: accessType } : {};
  client(callback).getOAuthRequestToken(extra, (error, token, tokenSecret, results) => {
    if (error) {
      return fail('request token', error);
    }
    print({ token, tokenSecret, results });
  });
} else if (command === 'access-and-profile') {
  const [token, tokenSecret, verifier] = rest;
  const oauth = client(null);
  oauth.getOAuthAccessToken(token, tokenSecret, verifier, (error, accessToken, accessSecret, results) => {
    if (error) {
      return fail('access token', error);
    }
    oauth.get(base + '/2/users/me?user.fields=verified,profile_image_url', accessToken, accessSecret,
        (meError, usersMe, meResponse) => {
          if (meError) {
            return fail('users/me', meError);
          }
          oauth.get(base + '/1.1/account/verify_credentials.json?skip_status=true', accessToken, accessSecret,
              (credentialsError, credentials) => {
                if (credentialsError) {
                  return fail('verify_credentials', credentialsError);
                }
                print({ results, usersMe: JSON.parse(usersMe), accessLevel: meResponse.headers['x-access-level'],
                  credentials: JSON.parse(credentials) });
              });
        });
  });
} else {
  fail('unknown command ' + command, null);
}
