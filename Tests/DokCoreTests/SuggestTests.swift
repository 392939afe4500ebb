import DokCore
import Testing

@Suite struct SuggestTests {
  @Test func didYouMeanFormatsEveryStyleInUse() {
    #expect(Suggest.didYouMean([]) == nil)
    #expect(Suggest.didYouMean(["a.b", "a.c"]) == "did you mean a.b, a.c?")
    #expect(Suggest.didYouMean(["x", "y"], quoted: true, separator: " or ") == "did you mean 'x' or 'y'?")
  }
}
