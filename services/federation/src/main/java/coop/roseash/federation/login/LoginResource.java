package coop.roseash.federation.login;

import coop.roseash.federation.oidc.Interrupted;
import coop.roseash.shared.web.access.PublicRoute;
import coop.roseash.federation.oidc.Issuer;
import coop.roseash.shared.web.SxView;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Passwordless sign-in: the email form, the check-your-email page, and the link that signs in. */
@PublicRoute
@Path("/auth")
public class LoginResource {
    // no control characters: a NUL cannot even be stored
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");

    private final MagicLinks links;
    private final MagicLinkMail mail;
    private final LoginRateLimiter rateLimiter;
    private final Members members;
    private final FederationSessions sessions;
    private final Issuer issuer;
    private final LoginBrowserCookie browser;
    private final SignOnRecords records;

    LoginResource(MagicLinks links, MagicLinkMail mail, LoginRateLimiter rateLimiter, Members members,
                  FederationSessions sessions, Issuer issuer, LoginBrowserCookie browser, SignOnRecords records) {
        this.browser = browser;
        this.records = records;
        this.links = links;
        this.mail = mail;
        this.rateLimiter = rateLimiter;
        this.members = members;
        this.sessions = sessions;
        this.issuer = issuer;
    }

    @GET
    @Path("login")
    public Response form(@QueryParam("continue") String continueUrl, @Context HttpHeaders headers) {
        String next = next(continueUrl);
        Optional<FederationSessions.Session> session = sessions.current(headers);
        // a request that asked for a new sign-in (prompt=login, max_age) gets the form despite the session
        if (session.isPresent() && !"/".equals(next) && Interrupted.acceptsSignIn(next, session.get().authTime())) {
            return Response.seeOther(URI.create(next)).build();
        }
        return Response.ok(loginPage(next, "", null)).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response send(@FormParam("email") String email, @FormParam("continue") String continueUrl,
                         @Context HttpServerRequest request, @Context HttpHeaders headers) {
        String next = next(continueUrl);
        String normalised = Members.normalise(email);
        if (normalised.length() > 254 || !EMAIL.matcher(normalised).matches()) {
            return Response.status(422).entity(loginPage(next, email == null ? "" : email,
                    "That does not look like an email address.").status(422)).build();
        }
        String client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        if (!rateLimiter.allow(normalised, client)) {
            return Response.status(429).header("Retry-After", "900").entity(loginPage(next, email,
                    "Too many sign-in links were asked for. Wait a few minutes and try again.").status(429)).build();
        }
        String nonce = browser.readOrCreate(headers);
        String token = links.create(normalised, next, nonce);
        mail.send(normalised, issuer.url("/auth/magic?token=" + token));
        return Response.ok(SxView.page("~federation/auth/check-email",
                        Map.of("email", normalised, "minutes", MagicLinks.LIFETIME.toMinutes())).title("Check your email"))
                .cookie(browser.cookie(nonce))
                .header("Cache-Control", "no-store").build();
    }

    /**
     * Opening a link: in the browser that asked for it, it signs in; anywhere else (another device, a mail scanner,
     * someone else's browser an attacker sent there) it only asks "Sign in as …?", and nothing is used up.
     */
    @GET
    @Path("magic")
    public Response openLink(@QueryParam("token") String token, @Context HttpHeaders headers) {
        Optional<MagicLinks.Pending> pending = links.find(token);
        if (pending.isEmpty()) {
            return linkInvalid();
        }
        if (browser.holds(headers, pending.get().browserHash())) {
            return useLink(token, headers);
        }
        return Response.ok(SxView.page("~federation/auth/confirm-link",
                        Map.of("email", pending.get().email(), "token", token)).title("Sign in?"))
                .header("Cache-Control", "no-store").build();
    }

    /** "Yes, sign me in": the confirmation form of {@link #openLink} (CSRF-checked like every browser POST). */
    @POST
    @Path("magic")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirmLink(@FormParam("token") String token, @Context HttpHeaders headers) {
        return useLink(token, headers);
    }

    private Response useLink(String token, HttpHeaders headers) {
        return links.redeem(token)
                .map(r -> {
                    Member member = members.signIn(r.email());
                    // the member's own session signs in again; anyone else's (or none) makes way for a new one
                    FederationSessions.Session session = sessions.current(headers)
                            .filter(s -> s.memberId() == member.id())
                            .map(sessions::signedInAgain)
                            .orElseGet(() -> sessions.start(member.id()));
                    records.signedIn(session, headers.getHeaderString(HttpHeaders.USER_AGENT));
                    return Response.seeOther(URI.create(ContinueUrl.safe(r.continueUrl())))
                            .cookie(sessions.cookie(session)).header("Cache-Control", "no-store").build();
                })
                .orElseGet(LoginResource::linkInvalid);
    }

    /** A continue parameter that is not even an address (a space, a broken escape) is the sender's mistake: 400. */
    private static String next(String continueUrl) {
        if (!ContinueUrl.wellFormed(continueUrl)) {
            throw new BadRequestException("continue is not a well-formed address");
        }
        return ContinueUrl.safe(continueUrl);
    }

    private static Response linkInvalid() {
        return Response.status(400)
                .entity(SxView.page("~federation/auth/link-invalid").title("Link expired").status(400))
                .header("Cache-Control", "no-store").build();
    }

    private static SxView loginPage(String continueUrl, String email, String error) {
        Map<String, Object> args = new HashMap<>();
        args.put("continue", continueUrl);
        args.put("email", email);
        if (error != null) {
            args.put("error", error);
        }
        return SxView.page("~federation/auth/login", args).title("Sign in");
    }
}
