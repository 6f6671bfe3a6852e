/**
 * JSON bodies of OpenText Notifications and the AppWorks Gateway, field by field as in OpenText's published Postman
 * collections. Answers ignore fields Herald does not use, so additions on OpenText's side do not break parsing.
 */
package io.herald.notifier.opentext.wire;
