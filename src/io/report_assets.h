// The chart library `entente report` embeds in every page: Vega, Vega-Lite and vega-embed, as
// installed from the npm registry by scripts/setup.sh and compiled into the binary by
// cmake/EmbedReportAssets.cmake (the definition is generated at configure time).
#pragma once

#include <vector>

namespace entente {

struct ReportAsset {
  const char* name;          // npm package, e.g. "vega-lite"
  const char* version;       // e.g. "6.4.3"
  const char* license;       // SPDX id, e.g. "BSD-3-Clause"
  const char* license_text;  // the package's LICENSE file, reproduced in the page
  const char* script;        // the minified browser build (contains no "</script" or "<!--")
};

// In load order (vega, vega-lite, vega-embed); empty when the build found no library.
const std::vector<ReportAsset>& ReportAssets();

}  // namespace entente
