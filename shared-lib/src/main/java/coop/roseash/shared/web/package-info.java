/**
 * SX on Quarkus: how a service shows pages.
 *
 * <h2>A page</h2>
 * A resource method returns an {@link coop.roseash.shared.web.SxView}: an SX component and its keyword arguments
 * (DTO records, lists, maps; never entities).
 * <pre>
 * &#64;GET &#64;Path("/orders")
 * public SxView orders() {
 *     return SxView.page("~cart/orders", Map.of("orders", orders.forMember(id))).title("Your orders");
 * }
 * </pre>
 * The component lives in the service's {@code src/main/resources/sx/<service>/**.sx}
 * ({@code (defcomp ~cart/orders (&key orders) ...)}); every {@code sx/**.sx} on the classpath is loaded, shared-lib's
 * included, and in dev mode changed files are re-read. {@link coop.roseash.shared.web.SxViewResponseFilter} renders
 * the view: for a normal request the full page in the one layout ({@code ~shared/page}, with the site header from
 * {@link coop.roseash.shared.web.SiteHeaderSource}, which {@link coop.roseash.shared.web.SiteHeaderPrefetch} starts
 * as soon as a GET for an {@code SxView} method is matched, so it loads beside the data); for {@code SX-Request: true} the
 * {@code text/sx} wire form, with the component definitions sent ahead when the client's
 * {@code SX-Components-Hash} differs. Both carry {@code Vary: SX-Request}. After a form post, answer with
 * {@link coop.roseash.shared.web.SxRedirect#to}. A form shown again with errors: {@code .status(422)}.
 *
 * <h2>In SX</h2>
 * Views reach the request only through the IO primitives ({@link coop.roseash.shared.web.PlatformIoPrimitives}):
 * {@code (current-user)} (dict or nil), {@code (request-arg name default?)}, {@code (request-form name default?)},
 * {@code (request-header name default?)}, {@code (csrf-token)}, {@code (url-for path {query})},
 * {@code (app-url service path?)} (public URL), {@code (asset-url "site.css")} (content-hashed),
 * {@code (config "features.market")} (public keys only), {@code (frag service type {params})},
 * {@code (now)}, {@code (set-response-header name value)}, {@code (set-response-status n)} and
 * {@code (helper "name" args...)}, which calls a service's {@link coop.roseash.shared.web.SxHelper} bean.
 *
 * <h2>Errors</h2>
 * {@link coop.roseash.shared.web.SxErrorPages} turns 4xx/5xx into the {@code ~shared/error} page in the layout; a
 * stack trace never reaches the visitor.
 *
 * <h2>CSRF</h2>
 * A signed double-submit token ({@link coop.roseash.shared.web.csrf.CsrfTokens}): the {@code roseash-csrf} cookie
 * (HttpOnly, SameSite=Lax) holds {@code RANDOM.HMAC}; pages carry it in {@code <meta name="csrf-token">}, which
 * sx.js sends as {@code X-CSRF-Token}; plain forms add {@code (input :type "hidden" :name "_csrf" :value (csrf-token))}.
 * {@link coop.roseash.shared.web.csrf.CsrfProtection} rejects with 403 a state-changing browser request whose token
 * does not match its cookie; machine endpoints opt out with {@link coop.roseash.shared.web.csrf.CsrfExempt}.
 * The HMAC key is {@code roseash.web.csrf-secret} (shared by replicas; a per-process key otherwise).
 *
 * <h2>Routes in SX</h2>
 * {@code defpage} and {@code defhandler} forms are served under {@code /sx/} by
 * {@link coop.roseash.shared.web.router.SxRouter}, with their {@code :auth} and {@code :csrf} rules.
 *
 * <h2>Who is asking</h2>
 * {@link coop.roseash.shared.web.VisitorSource} (implemented by the auth package; anonymous until then) tells the
 * layout, the router and {@code (current-user)} who the visitor is.
 */
package coop.roseash.shared.web;
