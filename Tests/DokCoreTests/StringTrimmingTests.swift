import DokCore
import Testing

@Suite struct StringTrimmingTests {
  @Test func trimsTheGivenCharactersAtBothEnds() {
    #expect(" \t a b \r\n".trimming() == "a b")
    #expect("  a\t".trimming(" ") == "a\t")
    #expect("x  y"[...].trimming() == "x  y")
    #expect(" \n ".trimming() == "")
    #expect("\r\nx\r\n".trimming() == "x")
    #expect("\nx\r".trimming(" \t\n") == "x\r")
  }
}
