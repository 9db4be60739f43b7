/// Search by name (`/`): an incremental search line that selects the first match as it is typed,
/// and `N` for the next match of the last search. Selecting makes the view show the match.
extension AppState {
  /// The nodes the last search (or the one being typed) matches, in Tab order.
  var searchMatches: [Int] {
    Search.matches(of: searchQuery ?? "", in: session.graph, order: tabOrder)
  }

  /// The text being searched for, else that of the last search.
  var searchQuery: String? { search.map(\.line.text) ?? lastSearch }

  mutating func openSearch() {
    showsHelp = false
    search = Search(previousSelection: selection)
  }

  mutating func editSearch(_ edit: LineEditor.Edit) {
    guard var search else { return }
    search.line.apply(edit)
    self.search = search
    show(searchMatches.first ?? search.previousSelection)
  }

  mutating func commitSearch() {
    guard let search else { return }
    self.search = nil
    guard !search.line.text.isEmpty else { return }
    lastSearch = search.line.text
    let matches = searchMatches
    guard !matches.isEmpty else {
      status = "no node is called \(search.line.text) (/ searches by name: prefix or part)"
      show(search.previousSelection)
      return
    }
    status = matchStatus(matches)
  }

  mutating func cancelSearch() {
    guard let search else { return }
    self.search = nil
    show(search.previousSelection)
  }

  mutating func nextMatch() {
    guard let query = searchQuery, !query.isEmpty else {
      status = "no search yet: / searches by name"
      return
    }
    let matches = searchMatches
    guard !matches.isEmpty else {
      status = "no node is called \(query)"
      return
    }
    let next = selection.flatMap { matches.firstIndex(of: $0) }.map { ($0 + 1) % matches.count } ?? 0
    show(matches[next])
    if search == nil { status = matchStatus(matches) }
  }

  /// `match 2 of 20 for /h2 (N: next)`.
  private func matchStatus(_ matches: [Int]) -> String {
    let position = selection.flatMap { matches.firstIndex(of: $0) }.map { $0 + 1 } ?? 1
    return "match \(position) of \(matches.count) for /\(searchQuery ?? "") (N: next)"
  }

  /// Selects `node` (or clears the selection) and lets the view follow it.
  private mutating func show(_ node: Int?) {
    selection = node
    pan = (0, 0)
    inspectorScroll = 0
  }
}
