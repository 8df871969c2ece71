// Stage 8: the files a run writes, rendered from the merged EventGraph. Each Write* function hands
// the file's content to a PieceWriter in pieces as it renders it, so no file is ever in memory
// whole (a large run's GEXF alone is tens of megabytes); WriteFileAtomically puts the pieces in
// place so an interrupted run never leaves a half-written file. Each Render* function returns the
// whole content, for tests and small graphs.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "sageon/base/status.h"
#include "sageon/graph/event_graph.h"

namespace sageon {

// Takes the next piece of a file; an error stops the writing and is what the writer returns.
using PieceWriter = std::function<Status(std::string_view)>;

// RFC 4180 CSV, UTF-8, CRLF-free ("\n" line ends), header first, fixed column order.
// events.csv: date, grain, type, trigger, actors, doc, sentence (and end_date, sources).
Status WriteEventsCsv(const EventGraph& graph, const PieceWriter& write);
// entities.csv: id, type, name, aliases, mentions, documents.
Status WriteEntitiesCsv(const EventGraph& graph, const PieceWriter& write);
// Gephi's spreadsheet format: nodes.csv (Id, Label, Type, ...) and edges.csv (Source, Target,
// Type, Weight, Label, ...).
Status WriteNodesCsv(const EventGraph& graph, const PieceWriter& write);
Status WriteEdgesCsv(const EventGraph& graph, const PieceWriter& write);
// GraphML with declared keys (label, weight, ...), unique ids, no XML-forbidden characters.
Status WriteGraphml(const EventGraph& graph, const PieceWriter& write);
// GEXF 1.3, dynamic: event nodes and their edges carry their dates as spells.
Status WriteGexf(const EventGraph& graph, const PieceWriter& write);

std::string RenderEventsCsv(const EventGraph& graph);
std::string RenderEntitiesCsv(const EventGraph& graph);
std::string RenderNodesCsv(const EventGraph& graph);
std::string RenderEdgesCsv(const EventGraph& graph);
Result<std::string> RenderGraphml(const EventGraph& graph);
Result<std::string> RenderGexf(const EventGraph& graph);

// Small appends gathered into pieces of about 64 KB for a PieceWriter: one write(2) per piece,
// not per row. After the first failure it writes nothing more; Finish returns that failure.
class PieceBuffer {
 public:
  explicit PieceBuffer(const PieceWriter& write) : write_(write) {}
  PieceBuffer(const PieceBuffer&) = delete;
  PieceBuffer& operator=(const PieceBuffer&) = delete;

  void Append(std::string_view text) {
    pending_ += text;
    if (pending_.size() >= kPieceSize) Flush();
  }
  // Writes what is pending; the first failure, if any.
  Status Finish() {
    Flush();
    return status_;
  }

 private:
  static constexpr size_t kPieceSize = size_t{1} << 16;
  void Flush() {
    if (status_.ok() && !pending_.empty()) status_ = write_(pending_);
    pending_.clear();
  }

  const PieceWriter& write_;
  std::string pending_;
  Status status_;
};

// The whole content a Write* function hands out, in one string: what the Render* functions return.
Result<std::string> CollectPieces(Status (*write_file)(const EventGraph&, const PieceWriter&),
                                  const EventGraph& graph);

// Quotes one CSV cell when RFC 4180 requires it.
std::string CsvCell(std::string_view value);
// Drops the characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF) from UTF-8 text.
std::string XmlSafe(std::string_view value);
// The same, appended to `out`.
void AppendXmlSafe(std::string_view value, std::string* out);

// Writes `content` to `path` through a temporary file in the same directory and a rename.
Status WriteFileAtomically(const std::string& path, std::string_view content);
// The same for a file written in pieces: `produce` calls its argument with each piece in turn, so
// a large file never has to be in memory whole.
Status WriteFileAtomically(const std::string& path,
                           const std::function<Status(const PieceWriter&)>& produce);

}  // namespace sageon
