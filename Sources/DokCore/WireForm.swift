/// The two ways Dokploy accepts a call.
public enum WireForm: String, Sendable, CaseIterable {
  /// Form A (default): `GET /api/router.proc?k=v`, `POST /api/router.proc` with a plain JSON body.
  case openapi
  /// Form B: `GET /api/trpc/router.proc?input={"json":…}`, `POST /api/trpc/router.proc` with `{"json":…}`.
  case trpc
}
