// The review of a profile's evidence: which scored answers have none, which is older than the
// maximum age, and the confidence that follows. Separate from assess() so `tne batch`, which never
// shows it, does not pay for it.
#include <algorithm>
#include <map>

#include "tne/assessment.hpp"

namespace tne {

namespace {

enum class Standing { fresh, stale, missing };

// How much an answer's evidence lets it count towards confidence.
double trust(Standing standing) { return standing == Standing::fresh ? 1.0 : 0.5; }

}  // namespace

EvidenceReview review_evidence(const Assessment& a, const ReportDate& date, int max_age_months) {
    EvidenceReview review;
    review.date = date;
    review.max_age_months = max_age_months;
    auto is_stale = [&](const Evidence& e) { return e.date.plus_months(max_age_months) < date; };

    // The dimension of the first criterion scoring each question: where its evidence is counted.
    std::map<const Question*, const Dimension*> scored_in;
    double weighted = 0;
    double weights = 0;
    review.dimensions.reserve(a.dimensions.size());
    for (const auto& d : a.dimensions) {
        DimensionEvidence counts;
        double trusted = 0;
        double total = 0;
        for (const auto& c : d.criteria) {
            total += c.max_points;
            if (!c.score) continue;  // unknown: counts for nothing, as in coverage
            bool first = scored_in.emplace(c.question, d.dimension).second;
            const Evidence* e = a.profile.find_evidence(*c.question);
            Standing standing = !e ? Standing::missing : is_stale(*e) ? Standing::stale : Standing::fresh;
            trusted += c.max_points * trust(standing);
            if (standing == Standing::fresh)
                ++counts.fresh;
            else if (standing == Standing::stale)
                ++counts.stale;
            else
                ++counts.missing;
            if (standing == Standing::missing && first) review.missing.push_back({c.question, d.dimension});
        }
        counts.confidence = total > 0 ? trusted / total : 0;
        weighted += d.dimension->weight * counts.confidence;
        weights += d.dimension->weight;
        review.totals.fresh += counts.fresh;
        review.totals.stale += counts.stale;
        review.totals.missing += counts.missing;
        review.dimensions.push_back(counts);
    }
    review.confidence = weights > 0 ? weighted / weights : 0;
    review.totals.confidence = review.confidence;

    // Every piece of evidence is dated, scored or not (the institution block's answers too).
    for (const auto& e : a.profile.evidence) {
        auto where = scored_in.find(e.question);
        DatedEvidence dated{&e, where == scored_in.end() ? nullptr : where->second, months_between(e.date, date)};
        if (is_stale(e))
            review.stale.push_back(dated);
        else if (date < e.date)
            review.dated_after.push_back(dated);
    }
    // Missing evidence in rubric order, whatever the order of the dimensions' criteria.
    std::sort(review.missing.begin(), review.missing.end(),
              [](const MissingEvidence& x, const MissingEvidence& y) { return x.question < y.question; });
    // The same answers by dimension, for the reports.
    for (const auto& m : review.missing)
        for (size_t i = 0; i < a.dimensions.size(); ++i)
            if (a.dimensions[i].dimension == m.dimension) review.dimensions[i].without_evidence.push_back(m.question);
    return review;
}

}  // namespace tne
