import DokCore
import DokPresentation
import Testing

@Suite struct OutputFormatterTests {
  let apps: JSON = [["name": "web", "replicas": 2, "env": ["A": "1"]], ["name": "db", "replicas": 1, "extra": true]]

  @Test func formats() {
    #expect(
      OutputFormatter.render(apps, as: .json)
        == #"[{"name":"web","replicas":2,"env":{"A":"1"}},{"name":"db","replicas":1,"extra":true}]"# + "\n")
    #expect(OutputFormatter.render("hello", as: .raw) == "hello\n")
    #expect(OutputFormatter.render(["a", 1], as: .raw) == "a\n1\n")
    #expect(OutputFormatter.render(["x": 1], as: .raw) == "{\"x\":1}\n")
    #expect(OutputFormatter.render("hi", as: .pretty) == "\"hi\"\n")
    #expect(OutputFormatter.render("hi", as: .pretty, color: true).contains("\u{1B}["))
    #expect(
      OutputFormatter.render(apps, as: .table) == """
        name  replicas  env        extra
        ----  --------  ---------  -----
        web   2         {"A":"1"}
        db    1                    true

        """)
    // A single object is a KEY/VALUE table (psql's \x); other values fall back to pretty JSON.
    #expect(
      OutputFormatter.render(["name": "web", "replicas": 2, "env": ["A": "1"]], as: .table) == """
        KEY       VALUE
        --------  ---------
        name      web
        replicas  2
        env       {"A":"1"}

        """)
    #expect(OutputFormatter.render("text", as: .table) == OutputFormatter.render("text", as: .pretty))
    // --columns chooses and orders the columns.
    #expect(
      OutputFormatter.render([["a": 1, "b": 2, "c": 3], ["a": 4, "c": 6]], as: .table, columns: ["c", "a"]) == """
        c  a
        -  -
        3  1
        6  4

        """)
  }

  @Test func columnsArePathsIntoTheRow() {
    let rows: JSON = [["name": "shop", "env": [["name": "prod"]], "a.b": 1], ["name": "blog", "env": []]]
    #expect(
      OutputFormatter.render(rows, as: .table, columns: ["name", "env[0].name", "a.b"]) == """
        name  env[0].name  a.b
        ----  -----------  ---
        shop  prod         1
        blog

        """)
    #expect(OutputFormatter.unknownColumns(rows, ["name", "env[0].name", "env[1].name", "nope"]) == ["env[1].name", "nope"])
    #expect(ColumnPath("x[").value(in: ["x": 1]) == nil)
    // A paged reply: its items.
    let page: JSON = ["items": [["id": "a1"]], "total": 9]
    #expect(OutputFormatter.render(page, as: .table) == "id\n--\na1\n")
    #expect(OutputFormatter.unknownColumns(page, ["id", "total"]) == ["total"])
  }

  @Test func yaml() {
    let v: JSON = [
      "name": "web", "ports": [["published": 80], ["published": 443]], "tags": ["a", "true"], "empty": [], "nothing": .null,
      "s": "a: b",
    ]
    #expect(
      OutputFormatter.render(v, as: .yaml) == """
        name: web
        ports:
        - published: 80
        - published: 443
        tags:
        - a
        - "true"
        empty: []
        nothing: null
        s: "a: b"

        """)
  }

  @Test func describeAndVarsShareTheTableLayout() {
    #expect(
      TextTable.lines([["NAME", "TYPE", "VALUE"], ["$a", "number", "1"], ["$long", "s", ""]]) == [
        "NAME   TYPE    VALUE", "$a     number  1", "$long  s",
      ])
  }
}
