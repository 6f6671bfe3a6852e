package io.herald.domain;

/**
 * One person a page of an announcement addresses.
 *
 * @param user directory user id
 * @param address where the page's channel reaches the person: e-mail address, phone number or in-app user id
 * @param state the person's delivery state as Herald knows it: the name of the page's status when it last changed
 */
public record PageMember(String user, String address, String state) {

    PageMember in(AnnouncementPageStatus status) {
        return new PageMember(user, address, status.name());
    }
}
