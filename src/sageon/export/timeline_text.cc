#include "sageon/export/timeline_text.h"

#include <algorithm>

#include "sageon/base/utf8.h"

namespace sageon {

namespace {
// Pads to a column width counted in terminal cells: Hangul syllables take two.
std::string PadCells(std::string_view text, size_t width) {
  size_t cells = 0;
  for (size_t pos = 0; pos < text.size();) {
    const char32_t c = utf8::Next(text, &pos);
    cells += (utf8::IsHangul(c) || utf8::IsHanja(c)) ? 2 : 1;
  }
  std::string out(text);
  if (cells < width) out.append(width - cells, ' ');
  return out;
}
}  // namespace

Status WriteTimelineText(const EventGraph& graph, const PieceWriter& write) {
  PieceBuffer buffer(write);
  std::string line;
  for (const GraphEvent* event : graph.Events()) {
    line.clear();
    std::string actors;
    for (const GraphEventActor& actor : event->actors) {
      const GraphEntity* entity = graph.FindEntity(actor.entity_id);
      if (!actors.empty()) actors += ", ";
      actors += entity != nullptr ? entity->name : actor.entity_id;
      actors += " (" + std::string(RoleName(actor.role)) + ")";
    }
    line += PadCells(event->DateLabel(), 12) + "  ";
    line += PadCells(event->trigger + " (" + event->type + ")", 26) + "  ";
    line += actors;
    line += "  [";
    line += graph.DocumentId(event->first_document);
    if (event->documents.size() > 1) {
      line += " +" + std::to_string(event->documents.size() - 1);
    }
    line += "]\n";
    buffer.Append(line);
  }
  return buffer.Finish();
}

}  // namespace sageon
