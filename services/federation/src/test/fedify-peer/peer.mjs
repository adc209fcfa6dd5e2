// An independent ActivityPub server built on Fedify, for FedifyInteropTest. It listens on 127.0.0.1 (the port is the
// first argument, 0 for any) and prints "LISTENING <port>" once it answers. Its actors are /users/{name}, each with
// its own RSA key; what reaches its inboxes, once Fedify has verified the signature, is listed at /_test/received.
//
// Test-only endpoints (plain JSON, not ActivityPub):
//   GET  /_test/received                       what the inboxes accepted (verified by Fedify), oldest first
//   GET  /_test/refused                        what Fedify refused as unverified, with the reason
//   GET  /_test/sent                           the POSTs Fedify made: url, signature spec, status answered
//   POST /_test/hosts {origin: address, ...}    adds to PEER_HOSTS (below)
//   POST /_test/lookup {url}                   Fedify's lookupObject of a URL: the actor as Fedify read it
//   POST /_test/follow {actor, object, inbox}  the actor sends a Follow of `object` to `inbox` (ctx.sendActivity)
//   POST /_test/signed-follow {actor, object, inbox, spec}
//                                              a Follow signed by the actor (Fedify's signRequest) but not sent:
//                                              {url, headers, body}, so the test can send a tampered copy
//
// PEER_HOSTS (JSON, {"http://blog.localhost:8001": "http://127.0.0.1:40001", ...}) maps origins that have no DNS
// name here to where they answer, as /etc/hosts would; documents are fetched from there but keep their own URL.
import http from "node:http";
import { randomUUID } from "node:crypto";
import {
  createFederation,
  generateCryptoKeyPair,
  getAuthenticatedDocumentLoader,
  getDocumentLoader,
  MemoryKvStore,
  signRequest,
} from "@fedify/fedify";
import { Accept, Activity, Create, Endpoints, Follow, Person } from "@fedify/fedify/vocab";

const port = Number(process.argv[2] ?? 0);
const hosts = JSON.parse(process.env.PEER_HOSTS ?? "{}");
const received = [];
const refused = [];
const sent = [];
const keys = new Map();

// Every POST Fedify makes (its deliveries), with the signature spec and the answer: Fedify knocks first with one
// spec and, when refused, again with the other.
const realFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const request = new Request(input, init);
  const response = await realFetch(request);
  if (request.method === "POST") {
    sent.push({ url: request.url, spec: request.headers.has("signature-input") ? "rfc9421" : "draft-cavage",
      status: response.status });
  }
  return response;
};

async function keyPair(name) {
  if (!keys.has(name)) {
    keys.set(name, generateCryptoKeyPair("RSASSA-PKCS1-v1_5"));
  }
  return keys.get(name);
}

/** Fedify's own document loader, with PEER_HOSTS applied to the address it connects to. */
function mappedLoader(inner) {
  return async (url, options) => {
    const origin = new URL(url).origin;
    if (!(origin in hosts)) {
      return inner(url, options);
    }
    const target = hosts[origin] + url.slice(origin.length);
    const response = await fetch(target.replace(/#.*$/, ""), {
      headers: { Accept: "application/activity+json, application/ld+json" },
      signal: options?.signal,
    });
    if (!response.ok) {
      throw new Error(`GET ${url} (at ${target}) answered ${response.status}`);
    }
    return { contextUrl: null, documentUrl: url, document: await response.json() };
  };
}

const federation = createFederation({
  kv: new MemoryKvStore(),
  // Fedify refuses loopback addresses unless told otherwise; with custom loaders that is said to the loaders
  documentLoaderFactory: (options) => mappedLoader(getDocumentLoader({ ...options, allowPrivateAddress: true })),
  authenticatedDocumentLoaderFactory: (identity, options) =>
    mappedLoader(getAuthenticatedDocumentLoader(identity, { ...options, allowPrivateAddress: true })),
});

federation
  .setActorDispatcher("/users/{identifier}", async (ctx, identifier) => {
    const [pair] = await ctx.getActorKeyPairs(identifier);
    return new Person({
      id: ctx.getActorUri(identifier),
      preferredUsername: identifier,
      name: `Fedify peer ${identifier}`,
      inbox: ctx.getInboxUri(identifier),
      endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
      publicKey: pair.cryptographicKey,
    });
  })
  .setKeyPairsDispatcher(async (_ctx, identifier) => [await keyPair(identifier)]);

async function record(ctx, activity) {
  let object = null;
  try {
    const o = await activity.getObject({ crossOrigin: "ignore" });
    object = o == null ? null : await o.toJsonLd({ format: "compact" });
  } catch (e) {
    object = { error: String(e) };
  }
  received.push({
    type: activity.constructor.typeId?.href ?? activity.constructor.name,
    id: activity.id?.href ?? null,
    actor: activity.actorId?.href ?? null,
    objectId: activity.objectId?.href ?? null,
    object,
    signature: ctx.data?.spec ?? null,
    inbox: ctx.data?.path ?? null,
  });
}

federation
  .setInboxListeners("/users/{identifier}/inbox", "/inbox")
  .on(Accept, record)
  .on(Create, record)
  .on(Activity, record)
  .onUnverifiedActivity((_ctx, activity, reason) => {
    refused.push({ id: activity.id?.href ?? null, reason: JSON.stringify(reason, (_k, v) => (v instanceof Error ? String(v) : v)) });
  })
  .onError((_ctx, error) => {
    refused.push({ id: null, reason: String(error) });
  });

function followOf(ctx, actor, object) {
  return new Follow({
    id: new URL(`/users/${actor}/follows/${randomUUID()}`, ctx.origin),
    actor: ctx.getActorUri(actor),
    object: new URL(object),
  });
}

async function control(req, url, body) {
  const ctx = federation.createContext(new URL(`http://${req.headers.host}/`), undefined);
  if (req.method === "GET" && url.pathname === "/_test/received") {
    return received;
  }
  if (req.method === "GET" && url.pathname === "/_test/sent") {
    return sent;
  }
  if (req.method === "GET" && url.pathname === "/_test/refused") {
    return refused;
  }
  if (req.method === "POST" && url.pathname === "/_test/hosts") {
    Object.assign(hosts, body);
    return hosts;
  }
  if (req.method === "POST" && url.pathname === "/_test/lookup") {
    const found = await ctx.lookupObject(body.url);
    if (found == null) {
      return { found: false };
    }
    const key = typeof found.getPublicKey === "function" ? await found.getPublicKey() : null;
    return {
      found: true,
      type: found.constructor.typeId?.href ?? null,
      id: found.id?.href ?? null,
      preferredUsername: found.preferredUsername?.toString() ?? null,
      inbox: found.inboxId?.href ?? null,
      sharedInbox: found.endpoints?.sharedInbox?.href ?? null,
      publicKey: key == null ? null : { id: key.id?.href ?? null, owner: key.ownerId?.href ?? null, usable: key.publicKey != null },
    };
  }
  if (req.method === "POST" && url.pathname === "/_test/follow") {
    const follow = followOf(ctx, body.actor, body.object);
    await ctx.sendActivity({ identifier: body.actor }, { id: new URL(body.object), inboxId: new URL(body.inbox) },
      follow, { immediate: true });
    return { id: follow.id.href, actor: ctx.getActorUri(body.actor).href };
  }
  if (req.method === "POST" && url.pathname === "/_test/signed-follow") {
    const follow = followOf(ctx, body.actor, body.object);
    const json = JSON.stringify(await follow.toJsonLd({ format: "compact", contextLoader: ctx.contextLoader }));
    const request = new Request(body.inbox, {
      method: "POST",
      headers: { "Content-Type": "application/activity+json", Accept: "application/activity+json" },
      body: json,
    });
    const { privateKey } = await keyPair(body.actor);
    const keyId = new URL(`${ctx.getActorUri(body.actor).href}#main-key`);
    const signed = await signRequest(request, privateKey, keyId, { spec: body.spec ?? "draft-cavage-http-signatures-12" });
    return { id: follow.id.href, actor: ctx.getActorUri(body.actor).href, url: signed.url,
      headers: Object.fromEntries(signed.headers), body: await signed.text() };
  }
  return undefined;
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url, `http://${req.headers.host}`);
    const bytes = ["GET", "HEAD"].includes(req.method) ? undefined : await readBody(req);
    if (url.pathname.startsWith("/_test/")) {
      const answer = await control(req, url, bytes?.length ? JSON.parse(bytes.toString("utf8")) : {});
      res.writeHead(answer === undefined ? 404 : 200, { "Content-Type": "application/json" });
      res.end(JSON.stringify(answer ?? { error: "no such test endpoint" }));
      return;
    }
    const headers = new Headers();
    for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
    const response = await federation.fetch(new Request(url, { method: req.method, headers, body: bytes }), {
      contextData: { spec: headers.has("signature-input") ? "rfc9421" : headers.has("signature") ? "draft-cavage" : null,
        path: url.pathname },
    });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  } catch (e) {
    console.error(e);
    if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ error: String(e?.stack ?? e) }));
  }
});

server.listen(port, "127.0.0.1", () => {
  console.log(`LISTENING ${server.address().port}`);
});
