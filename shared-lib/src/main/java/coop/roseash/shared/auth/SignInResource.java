package coop.roseash.shared.auth;

import coop.roseash.shared.web.access.MembersOnly;
import coop.roseash.shared.web.access.PublicRoute;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;

/**
 * The client routes of every page service: {@code /auth/login} (sign in, then back), {@code /auth/silent}
 * (the prompt=none round trip), {@code /auth/signin-failed} (federation said no: stay anonymous and go
 * back) and {@code /auth/logout} for visitors who are not signed in. Quarkus OIDC itself answers
 * {@code /auth/callback} (where {@link SilentSignInFailure} keeps the device id federation sent) and,
 * for signed-in members, {@code /auth/logout}.
 */
@Path("/auth")
@IfBuildProperty(name = SsoClient.BUILD_PROPERTY, stringValue = "true")
public class SignInResource {
    static final String SILENT_PATH = "/auth/silent";

    @GET
    @Path("login")
    @Authenticated
    @MembersOnly
    public Response login(@QueryParam("return_to") String returnTo) {
        return back(ReturnTo.safe(returnTo));
    }

    @GET
    @Path("silent")
    @Authenticated
    @MembersOnly
    public Response silent(@Context HttpHeaders headers, @Context UriInfo uri) {
        return back(returnCookie(headers));
    }

    @GET
    @Path("signin-failed")
    @PublicRoute
    public Response failed(@Context HttpHeaders headers, @Context UriInfo uri) {
        // a device_id in this URL is ignored: anyone can link here (SilentSignInFailure took the real one)
        boolean secure = "https".equals(uri.getRequestUri().getScheme());
        return Response.seeOther(URI.create(returnCookie(headers))).header("Cache-Control", "no-store")
                .cookie(DeviceCookies.cookie(DeviceCookies.RETURN_TO, "", 0, secure)).build();
    }

    /** Reached only by visitors who are not signed in (Quarkus OIDC handles signed-in members). */
    @GET
    @Path("logout")
    @PublicRoute
    public Response logout() {
        return back("/");
    }

    private static String returnCookie(HttpHeaders headers) {
        var c = headers.getCookies().get(DeviceCookies.RETURN_TO);
        return ReturnTo.safe(c == null ? null : ReturnTo.decode(c.getValue()));
    }

    private static Response back(String path) {
        return Response.seeOther(URI.create(path)).header("Cache-Control", "no-store").build();
    }
}
