// Package diff compares two loaded ropa models and lists what changed,
// entity by entity and field by field, each change classified by what the
// organisation must do about it before it takes effect.
//
// Entities are compared by key: activities, categories, subjects, sources,
// recipients, transfers, retention rules, schemes, systems, laws, cookies,
// notices, processor records, joint controllers, waivers (by rule and
// target), history versions and phrases; the controller, the supervisory
// authority, security, complaints and the rights contact are compared as
// single entities. A renamed key is a removal plus an addition, unless the
// model says otherwise: an entity whose renamedFrom names a key that the
// old model has, and the new one has not, is paired with that old entity
// (when the old model has nothing under the new key). The pair is one
// renamed change, old key to new, then the changes of its fields under the
// new key; a reference to the old key (an activity's categories, a
// transfer's recipient, ...), or a waiver's target path through it, that
// now names the new key is no change. A
// renamedFrom naming a key the old model lacks is ignored, so the entity
// is an addition as before, and a renamedFrom left in place after the
// renamed version is published reports nothing.
//
// Fields are found by reflection over the model types, named by their json
// tags, so a field added to the model is compared without changes here
// (renamedFrom, which pairs entities, is never compared). Lists of keys
// (an activity's categories, recipients, ...) and lists of text (security
// measures, examples) are compared as sets: one change per item added or
// removed. Lists of structures are matched by their key field: lawful
// bases by basis, Article 9 conditions by article9 and schedule1, Article
// 10 conditions by basis and schedule1, registrations by register,
// contacts by role, name or email, links and sections by title.
//
// Every change carries the position of its field in the new model, or in
// the old model for a removal, so a reviewer can jump to it.
//
// # Classification
//
// A change is notify, register or editorial; notify is the highest:
//
//	class      change
//	notify     activity added
//	notify     activity purpose changed
//	notify     recipient added, or a recipient added to an activity or
//	           as a sub-processor of a recipient
//	notify     transfer added, a transfer added to an activity, or a
//	           transfer's country or recipient changed
//	notify     category gains a special category (special set or changed),
//	           or becomes criminal-offence data
//	notify     category added that is special or criminal-offence data
//	notify     activity gains a category that is special or criminal
//	notify     retention period, maximum (upTo) or the end of a range (to)
//	           longer ("6 years" → "7 years"), or an activity or category
//	           cites rules whose longest period grows
//	notify     automation.decisions or automation.significant false → true
//	notify     lawful basis added to an activity
//	notify     activity becomes direct marketing (directMarketing false →
//	           true), or names a joint controller it did not
//	editorial  wording only: an entity's own name (not the controller's,
//	           the authority's, a joint controller's or a cookie's), any
//	           title, description, examples, summary, note, details,
//	           paragraphs or items; a category's heading; a notice's version,
//	           lastUpdated, issued, reviewed and next review dates, related
//	           links, sections, phrases and wordBudget,
//	           and how it is laid out with other notices (extends, delegate,
//	           own); phrases; a list reordered; a period
//	           restated at the same length ("12 months" → "1 year")
//	register   an entity renamed (its renamedFrom names its old key): the
//	           key names it in the register, the export, notice anchors
//	           and waivers; its other changes are classified as above
//	register   an unconfirmed mark set, cleared or changed: the record's
//	           state of checking, shown in no notice
//	register   everything else: removals, shorter retention, new systems,
//	           subjects, sources, cookies, notices, DPIA, security,
//	           contracts, Article 9 and 10 conditions, controller details
//
// notify means people must be told before the change takes effect (UK GDPR
// Articles 13(3) and 14(4)); register means the Article 30 record changes
// but people need not be told first; editorial means wording only.
//
// Durations compare as "N unit" with unit day, week, month or year (plural
// or not), a month being a twelfth of 365.25 days. A period that does not
// parse, or one added where none was, is a register change.
package diff
