/**
 * Targeted announcements: publishing an announcement to its audience as pages stored at once and sent when due,
 * withdrawing the pages not yet sent, and listing who an announcement addressed with their delivery status. Pages
 * live in the {@link io.herald.store.AnnouncementStore}; dispatch sends them.
 */
package io.herald.announce;
