// KTAB SMP XML importer (format: shared/models/spatial_pce.md, "XML input"; KTAB's reader is
// examples/smp/libsrc/smpread.cpp:261-595), on entente's own small XML reader (io/xml_reader.h).
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "io/trim.h"
#include "entente/convert.h"
#include "io/xml_reader.h"

namespace entente {
namespace {

using xml::ParseXml;
using xml::XmlNode;

class Importer {
 public:
  explicit Importer(const std::string& path) : path_(path) {}

  Status Error(const XmlNode& at, const std::string& what) const {
    return Status::ParseError(path_ + ":" + std::to_string(at.line) + ":" + std::to_string(at.col) +
                              ": " + what);
  }
  const XmlNode* Child(const XmlNode& n, const std::string& name) const {
    for (const auto& c : n.children) {
      if (c->name == name) return c.get();
    }
    return nullptr;
  }
  Result<const XmlNode*> Required(const XmlNode& n, const std::string& name) const {
    const XmlNode* c = Child(n, name);
    if (!c)
      return Error(n, "expected a <" + name + "> element inside <" + n.name + ">, found none");
    return c;
  }
  Result<double> Number(const XmlNode& n, double lo, double hi, const std::string& what) const {
    const std::string t = io::TrimmedCopy(n.text);
    errno = 0;
    char* end = nullptr;
    const double x = std::strtod(t.c_str(), &end);
    if (t.empty() || errno != 0 || end != t.c_str() + t.size() || !std::isfinite(x) || x < lo ||
        x > hi) {
      return Error(n, "expected " + what + " (a number in [" + Fmt(lo) + ", " + Fmt(hi) +
                          "]) in <" + n.name + ">, found '" + t + "'");
    }
    return x;
  }
  static std::string Fmt(double x) {
    std::string s = std::to_string(x);
    while (s.size() > 1 && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
  }

 private:
  const std::string& path_;
};

}  // namespace

Result<KtabImport> ImportKtabXml(const std::string& text, const std::string& path,
                                 std::size_t max_depth) {
  Result<std::unique_ptr<XmlNode>> doc = ParseXml(text, path, max_depth);
  if (!doc.ok()) return doc.status();
  const XmlNode& root = **doc;
  Importer im(path);
  if (root.name != "Scenario") {
    return im.Error(root, "expected the root element <Scenario>, found <" + root.name + ">");
  }
  KtabImport out;
  Scenario& sc = out.scenario;
  sc.path = path;
  sc.text = text;
  if (const XmlNode* n = im.Child(root, "name")) sc.meta.title = io::TrimmedCopy(n->text);
  if (const XmlNode* n = im.Child(root, "desc")) sc.meta.description = io::TrimmedCopy(n->text);
  if (const XmlNode* n = im.Child(root, "prngSeed")) {
    const std::string t = io::TrimmedCopy(n->text);
    char* end = nullptr;
    errno = 0;
    const unsigned long long seed = std::strtoull(t.c_str(), &end, 10);
    if (!t.empty() && (errno != 0 || end != t.c_str() + t.size() || t[0] == '-')) {
      return im.Error(*n, "expected an unsigned integer seed in <prngSeed>, found '" + t + "'");
    }
    out.prng_seed = seed;
  }
  if (const XmlNode* mp = im.Child(root, "ModelParameters")) {
    out.has_model_parameters = true;
    for (const auto& p : mp->children) {
      if (Status st = SetSmpOption(out.options, p->name, io::TrimmedCopy(p->text)); !st.ok()) {
        return im.Error(*p, st.message());
      }
    }
  }
  Result<const XmlNode*> dims = im.Required(root, "Dimensions");
  if (!dims.ok()) return dims.status();
  for (const auto& c : (*dims)->children) {
    if (c->name != "dName") return im.Error(*c, "expected <dName>, found <" + c->name + ">");
    Issue issue;
    issue.id = io::TrimmedCopy(c->text);
    if (issue.id.empty()) return im.Error(*c, "expected a dimension name, found empty text");
    issue.label = issue.id;
    issue.scale_min = 0.0;
    issue.scale_max = 100.0;
    issue.where = {path, c->line, c->col};
    sc.issues.push_back(issue);
  }
  const size_t d = sc.issues.size();
  if (d == 0) return im.Error(**dims, "expected at least one <dName> in <Dimensions>, found none");
  Result<const XmlNode*> actors = im.Required(root, "Actors");
  if (!actors.ok()) return actors.status();
  std::vector<std::vector<std::optional<Stance>>> stances_by_actor;
  for (const auto& a : (*actors)->children) {
    if (a->name != "Actor") return im.Error(*a, "expected <Actor>, found <" + a->name + ">");
    Actor actor;
    Result<const XmlNode*> name = im.Required(*a, "name");
    if (!name.ok()) return name.status();
    actor.id = io::TrimmedCopy((*name)->text);
    actor.name = actor.id;
    if (actor.id.empty() || actor.id.size() > 25) {
      return im.Error(**name,
                      "expected an actor name of 1-25 characters, found '" + actor.id + "'");
    }
    if (sc.FindActor(actor.id)) return im.Error(**name, "duplicate actor name '" + actor.id + "'");
    if (const XmlNode* desc = im.Child(*a, "description")) actor.description = io::TrimmedCopy(desc->text);
    actor.where = {path, a->line, a->col};
    Result<const XmlNode*> cap = im.Required(*a, "capability");
    if (!cap.ok()) return cap.status();
    Result<double> c = im.Number(**cap, 0.0, 1e8, "a capability");
    if (!c.ok()) return c.status();
    actor.capability = *c;
    Result<const XmlNode*> posn = im.Required(*a, "Position");
    if (!posn.ok()) return posn.status();
    Result<const XmlNode*> saln = im.Required(*a, "Salience");
    if (!saln.ok()) return saln.status();
    if ((*posn)->children.size() != d || (*saln)->children.size() != d) {
      return im.Error(*a, "expected " + std::to_string(d) +
                              " <dCoord> and <dSal> values (one per dimension) for '" + actor.id +
                              "', found " + std::to_string((*posn)->children.size()) + " and " +
                              std::to_string((*saln)->children.size()));
    }
    std::vector<std::optional<Stance>> row(d);
    double total = 0.0;
    for (size_t k = 0; k < d; ++k) {
      const XmlNode& pc = *(*posn)->children[k];
      const XmlNode& sc2 = *(*saln)->children[k];
      if (pc.name != "dCoord") return im.Error(pc, "expected <dCoord>, found <" + pc.name + ">");
      if (sc2.name != "dSal") return im.Error(sc2, "expected <dSal>, found <" + sc2.name + ">");
      Result<double> x = im.Number(pc, 0.0, 100.0, "a position");
      if (!x.ok()) return x.status();
      Result<double> s = im.Number(sc2, 0.0, 100.0, "a salience");
      if (!s.ok()) return s.status();
      total += *s;
      Stance st;
      st.position = *x;
      st.salience = *s / 100.0;  // KTAB divides by 100
      st.where = {path, pc.line, pc.col};
      row[k] = st;
    }
    if (total > 100.0 + 1e-9) {
      return im.Error(**saln, "expected saliences summing to at most 100 for '" + actor.id +
                                  "', found " + Importer::Fmt(total));
    }
    sc.actors.push_back(actor);
    stances_by_actor.push_back(std::move(row));
  }
  const size_t n = sc.actors.size();
  if (n < 3 || n > 250) {
    return im.Error(**actors, "expected 3 to 250 actors, found " + std::to_string(n));
  }
  sc.stances.assign(d, std::vector<std::optional<Stance>>(n));
  for (size_t a = 0; a < n; ++a) {
    for (size_t k = 0; k < d; ++k) sc.stances[k][a] = stances_by_actor[a][k];
  }
  // <IdealAdjustment>: optional here (KTAB requires it); absent = identity.
  if (const XmlNode* ia = im.Child(root, "IdealAdjustment")) {
    out.accommodation.assign(n * n, 0.0);
    for (const auto& pair : ia->children) {
      if (pair->name != "iaPair")
        return im.Error(*pair, "expected <iaPair>, found <" + pair->name + ">");
      Result<const XmlNode*> ai = im.Required(*pair, "adjustingIdeal");
      if (!ai.ok()) return ai.status();
      Result<const XmlNode*> rp = im.Required(*pair, "referencePos");
      if (!rp.ok()) return rp.status();
      Result<const XmlNode*> adj = im.Required(*pair, "adjust");
      if (!adj.ok()) return adj.status();
      const auto i = sc.FindActor(io::TrimmedCopy((*ai)->text));
      if (!i) return im.Error(**ai, "expected an actor name, found '" + io::TrimmedCopy((*ai)->text) + "'");
      const auto j = sc.FindActor(io::TrimmedCopy((*rp)->text));
      if (!j) return im.Error(**rp, "expected an actor name, found '" + io::TrimmedCopy((*rp)->text) + "'");
      Result<double> v = im.Number(**adj, 0.0, 1.0, "an adjustment");
      if (!v.ok()) return v.status();
      out.accommodation[*i * n + *j] = *v;
    }
    for (size_t i = 0; i < n; ++i) {
      double row = 0.0;
      for (size_t j = 0; j < n; ++j) row += out.accommodation[i * n + j];
      if (row > 1.0 + 1e-12) {
        return im.Error(*ia, "expected adjustments of '" + sc.actors[i].id +
                                 "' summing to at most 1, found " + Importer::Fmt(row));
      }
    }
  }
  return out;
}

}  // namespace entente
