vcl 4.1;
# Varnish 7 in front of Roundup, with the xkey module (Debian: apt-get install varnish varnish-modules).
# Public pages are cached by the lifetime Roundup sends (s-maxage) and indexed by the surrogate keys in
# their `xkey` header; Roundup purges those keys (CDN_PURGE_URL=http://<this varnish>/) whenever the
# content behind them changes. Staff areas, sign-in, the API and every non-GET request pass through.
#
#   varnishd -a :80 -f /etc/varnish/roundup.vcl -s malloc,256m
#   CDN_PURGE_URL=http://varnish.internal/ TRUST_PROXY=true npm start   (on each app server)

import xkey;

# The app server(s). Several: one backend each, with a director (vmod_directors).
backend roundup {
  .host = "127.0.0.1";
  .port = "3000";
}

# Who may purge: the app servers (they send PURGE when tags expire).
acl purgers {
  "127.0.0.1";
  "::1";
}

sub vcl_recv {
  if (req.method == "PURGE") {
    if (client.ip !~ purgers) {
      return (synth(403, "Forbidden"));
    }
    if (!req.http.xkey-purge) {
      return (synth(400, "xkey-purge header missing"));
    }
    set req.http.x-purged = xkey.purge(req.http.xkey-purge);
    return (synth(200, "Purged " + req.http.x-purged));
  }
  if (req.method != "GET" && req.method != "HEAD") {
    return (pass);
  }
  if (req.url ~ "^/(editor|admin|login|change-password|invite|api)(/|\?|$)") {
    return (pass);
  }
  # Public pages are the same for every reader: a staff member's session cookie changes nothing there,
  # and keeping it would make the builtin logic skip the cache.
  unset req.http.Cookie;
  return (hash);
}

sub vcl_backend_response {
  # A 5xx is never stored; while the app is down an object past its lifetime may still be served
  # for a while (grace) instead of an error.
  if (beresp.status >= 500) {
    set beresp.uncacheable = true;
    set beresp.ttl = 0s;
    return (deliver);
  }
  if (beresp.grace < 1h) {
    set beresp.grace = 1h;
  }
}

sub vcl_deliver {
  # The keys are for this cache only; readers don't need them.
  unset resp.http.xkey;
}
