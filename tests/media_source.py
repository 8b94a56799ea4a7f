#!/usr/bin/python3
"""Another application for the window tests to take files from, as a person
would from a file manager or an image viewer (GTK 3, python3-gi):

  media_source.py drag FILE X Y   a 160x160 window at (X, Y) whose whole
                                  area is a drag source of FILE (its file://
                                  URI, text/uri-list, as file managers offer)
  media_source.py copy FILE       puts the image FILE on the clipboard (as an
                                  image viewer's "Copy image" does) and keeps
                                  it there until killed

Prints "ready" once the window is shown or the clipboard is owned.
"""

import sys

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("Gdk", "3.0")
from gi.repository import Gdk, GdkPixbuf, GLib, Gtk  # noqa: E402


def drag(path, x, y):
    uri = GLib.filename_to_uri(path, None)
    win = Gtk.Window(title="media-source")
    win.set_default_size(160, 160)
    win.move(x, y)
    box = Gtk.EventBox()
    box.add(Gtk.Label(label="drag me"))
    win.add(box)
    box.drag_source_set(
        Gdk.ModifierType.BUTTON1_MASK,
        [Gtk.TargetEntry.new("text/uri-list", 0, 0)],
        Gdk.DragAction.COPY,
    )

    def get(_widget, _context, data, _info, _time):
        data.set_uris([uri])
        print("dragged", flush=True)

    def end(_widget, _context):
        print("drag-end", flush=True)

    box.connect("drag-data-get", get)
    box.connect("drag-end", end)
    win.connect("destroy", Gtk.main_quit)
    win.show_all()
    GLib.idle_add(lambda: print("ready", flush=True) and False)


def copy(path):
    pixbuf = GdkPixbuf.Pixbuf.new_from_file(path)
    clip = Gtk.Clipboard.get(Gdk.SELECTION_CLIPBOARD)
    clip.set_image(pixbuf)
    print("ready", flush=True)


def main():
    if len(sys.argv) == 5 and sys.argv[1] == "drag":
        drag(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    elif len(sys.argv) == 3 and sys.argv[1] == "copy":
        copy(sys.argv[2])
    else:
        sys.exit(__doc__)
    Gtk.main()


if __name__ == "__main__":
    main()
