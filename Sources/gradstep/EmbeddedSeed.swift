/// The text of `Assets/Examples/seed.grad`, built into the binary so that `gradstep` with no
/// program runs from any folder (a test checks the two stay identical).
enum EmbeddedSeed {
  static let fileName = "seed.grad"
  static let text = """
    # The seed: y = (e^(x²))², three functions in a chain, backward by the chain rule.
    x = 0.5
    a = square(x)
    b = exp(a)
    y = square(b)
    """
}
