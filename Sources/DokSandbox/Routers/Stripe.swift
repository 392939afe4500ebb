import DokCore

extension Routers {
  /// The `stripe` router's procedures.
  static let stripe: [Procedure] = [
    // Creates a compose from the suggestion, then returns null.
    .recorded("stripe.getCurrentPlan", .value(.null, "server/utils/billing.ts:63")),
    // Self-hosted has no STRIPE_SECRET_KEY: the Stripe client's first request fails (an unwrapped 500).
    .recorded(
      "stripe.getProducts",
      .error(
        .INTERNAL_SERVER_ERROR, "You did not provide an API key.", "routers/stripe.ts:46")),
    .recorded(
      "stripe.createCheckoutSession",
      .error(
        .INTERNAL_SERVER_ERROR, "You did not provide an API key.", "routers/stripe.ts:143")),
    .recorded(
      "stripe.createCustomerPortalSession", .error(.BAD_REQUEST, "Stripe Customer ID not found", "routers/stripe.ts:194")),
    .recorded("stripe.upgradeSubscription", .error(.BAD_REQUEST, "No active subscription found", "routers/stripe.ts:239")),
    .recorded("stripe.canCreateMoreServers", .value(true, "routers/stripe.ts:297")),
    .recorded(
      "stripe.updateInvoiceNotifications",
      .error(
        .BAD_REQUEST, "This feature is only available in Dokploy Cloud", "routers/stripe.ts:308")),
    .recorded("stripe.getInvoices", .value([], "routers/stripe.ts:325")),
  ]
}
