import Testing

@testable import DokCore

@Suite struct SecretPolicyTests {
  let policy = SecretPolicy(apiKey: "KEY-1234")

  @Test(arguments: [
    ("password", true), ("databasePassword", true), ("refreshToken", true), ("apiKey", true), ("api_key", true),
    ("privateKey", true), ("env", true), ("buildEnv", true), ("clientSecret", true), ("auth", true),
    ("environment", false), ("environmentId", false), ("author", false), ("name", false), ("tokenId", false),
    ("applicationId", false),
  ])
  func secretLookingNames(name: String, secret: Bool) {
    #expect(policy.isSecret(field: name) == secret, "\(name)")
  }

  @Test func redactsNestedValuesButNotNulls() {
    let v: JSON = ["postgres": ["databasePassword": "hunter2", "name": "db", "env": .null], "list": [["token": "t"]]]
    #expect(
      policy.redact(v) == ["postgres": ["databasePassword": "***", "name": "db", "env": .null], "list": [["token": "***"]]])
  }

  @Test func redactsArgumentsInStatementText() {
    #expect(
      policy.redactArguments(in: #"postgres.create name=db databasePassword="a b" env=X=1 replicas=2"#)
        == "postgres.create name=db databasePassword=*** env=*** replicas=2")
    #expect(policy.redactArguments(in: "x.y password:=\"p\"; print 1") == "x.y password:=***; print 1")
    #expect(policy.redactArguments(in: "if $a.password == \"x\" { }") == "if $a.password == \"x\" { }")
    #expect(policy.redactArguments(in: "call key=KEY-1234") == "call key=***")
  }

  /// Issue 14, bug 10: `--trace` showed `password=***` for `password=null`; a null or a
  /// boolean says nothing secret (as in `redact`, which leaves `createEnvFile: true` alone).
  @Test func nullAndBooleanArgumentsStayReadable() {
    #expect(
      policy.redactArguments(in: "a.b username=null password=null createEnvFile=true token=false")
        == "a.b username=null password=null createEnvFile=true token=false")
    #expect(policy.redactArguments(in: #"a.b password="null" token=nullish"#) == "a.b password=*** token=***")
  }

  @Test func historyNeverKeepsKeyLines() {
    #expect(policy.mustNotStore(line: "dok --api-key abc"))
    #expect(policy.mustNotStore(line: "print \"KEY-1234\""))
    #expect(!policy.mustNotStore(line: "application.one applicationId=x"))
  }
}

@Suite struct SecretRedactionInTraceTests {
  @Test func aDatabaseObjectIsMaskedFieldByField() {
    let db: JSON = ["postgresId": "p1", "databasePassword": "pw-s3cret-42", "databaseUser": "app"]
    let shown = SecretPolicy().redact(db).compactText
    #expect(shown == #"{"postgresId":"p1","databasePassword":"***","databaseUser":"app"}"#)
  }
}

@Suite struct LearnedSecretTests {
  @Test func valuesOfSecretFieldsAreMaskedWhereverTheyAreCopied() {
    let policy = SecretPolicy()
    let copy = policy  // copies share what was learned
    policy.learn(from: [
      "items": [["name": "database", "databasePassword": "hunter22", "token": "abc", "env": "A=1\nB=2"]],
      "secrets": ["tok-123456", ["nested": "deep-value-9"]],
    ])
    #expect(copy.redact(.string("hunter22")) == "***")
    #expect(copy.redactKey(in: "the password is hunter22.") == "the password is ***.")
    #expect(copy.redactKey(in: "A=1\nB=2") == "***")
    #expect(copy.redactKey(in: "tok-123456 and deep-value-9") == "*** and ***")
    // Too short to tell from ordinary text.
    #expect(copy.redactKey(in: "abc") == "abc")
    // Names and other fields are not secrets.
    #expect(copy.redactKey(in: "database") == "database")
    #expect(copy.redact(["note": "hunter22 again"]) == ["note": "*** again"])
  }

  @Test func ordinaryWordsUnderSecretLookingNamesAreNotLearned() {
    let policy = SecretPolicy()
    policy.learn(from: [
      "tokenType": "bearer", "authProvider": "github", "secretNote": "      ", "passwordHint": "null", "authMode": "true",
    ])
    #expect(policy.learned.values.isEmpty)
    #expect(policy.redactKey(in: "bearer github null true") == "bearer github null true")
    #expect(SecretPolicy.isLearnable("Hunter22"))
    #expect(SecretPolicy.isLearnable("correcthorsebattery"))
    #expect(!SecretPolicy.isLearnable("short"))
  }

  @Test func aLongerSecretIsMaskedWhole() {
    let policy = SecretPolicy()
    policy.learn(from: ["password": "s3cret"])
    policy.learn(from: ["password": "s3cret-and-more"])
    #expect(policy.redactKey(in: "x s3cret-and-more y") == "x *** y")
    #expect(policy.redactKey(in: "s3cret") == "***")
  }

  @Test func theAPIKeyIsMaskedAsBefore() {
    let policy = SecretPolicy(apiKey: "KEY-1234")
    #expect(policy.redactKey(in: "x-api-key: KEY-1234") == "x-api-key: ***")
    #expect(policy.redact(["a": ["b": "KEY-1234!"]]) == ["a": ["b": "***!"]])
    #expect(policy.redact(.string("KEY")) == "KEY")
  }

  @Test func aFreshPolicyHasLearnedNothing() {
    SecretPolicy().learn(from: ["password": "abc-def-1"])
    #expect(SecretPolicy().redactKey(in: "abc-def-1") == "abc-def-1")
  }

  /// Issue 15 case 17: a short key (`--api-key k`) would mask ordinary text (`s/24.do***:2:1`);
  /// only a key of 8+ characters is masked inside text. Either is kept out of history.
  @Test func aShortKeyIsNotMaskedInsideText() {
    let short = SecretPolicy(apiKey: "k")
    #expect(short.redactKey(in: "s/24.dok:2:1") == "s/24.dok:2:1")
    #expect(short.redact(["path": "s/24.dok"]) == ["path": "s/24.dok"])
    #expect(short.mustNotStore(line: "print \"k\""))
    let long = SecretPolicy(apiKey: "abcdefgh")
    #expect(long.redactKey(in: "key abcdefgh!") == "key ***!")
  }
}
