// The readable timeline `sageon timeline` prints: one event a line, sorted by date.
#pragma once

#include <string>

#include "sageon/graph/event_graph.h"

namespace sageon {

// "2023-11-17  해임 (dismissal)  샘 알트먼 (patient), 오픈AI (agent)  [doc]"
std::string RenderTimelineText(const EventGraph& graph);

}  // namespace sageon
