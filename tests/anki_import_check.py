"""Import an .apkg kioku wrote with Anki's own backend (the `anki` package)
and print what Anki made of it, as JSON: notes and cards by note type,
the deck names, tags, media and the notes' fields.

    python anki_import_check.py PACKAGE.apkg [LATER.apkg ...]

Several packages are imported one after the other into one collection;
"imports" lists each import's log counts.

Run by `cargo test -p kioku-core --test suite apkg_export::` when a Python with `anki` is found
(KIOKU_ANKI_PYTHON, else target/ankivenv/bin/python, else
/tmp/ankivenv/bin/python).
"""
import json
import os
import sys
import tempfile

from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest


def main():
    work = tempfile.mkdtemp()
    col = Collection(os.path.join(work, "collection.anki2"))
    imports = []
    for package in sys.argv[1:]:
        request = ImportAnkiPackageRequest(
            package_path=os.path.abspath(package),
            options=ImportAnkiPackageOptions(with_scheduling=False),
        )
        log = col.import_anki_package(request).log
        imports.append(
            {
                "new": len(log.new),
                "updated": len(log.updated),
                "duplicate": len(log.duplicate),
                "conflicting": len(log.conflicting),
            }
        )
    out = {
        "imports": imports,
        "notetypes": {},
        "cards": {},
        "decks": sorted(d.name for d in col.decks.all_names_and_ids()),
        "notes": [],
        "media": sorted(os.listdir(col.media.dir())),
    }
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        name = note.note_type()["name"]
        out["notetypes"][name] = out["notetypes"].get(name, 0) + 1
        out["cards"][name] = out["cards"].get(name, 0) + len(note.card_ids())
        out["notes"].append(
            {"guid": note.guid, "type": name, "fields": list(note.fields), "tags": note.tags}
        )
    col.close()
    print(json.dumps(out, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
