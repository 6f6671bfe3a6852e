package io.herald.notifier.opentext;

import io.herald.notifier.SendFailure;

/** Where access tokens come from; {@link OpenTextTokens} decides when to ask. */
interface TokenSource {

    IssuedToken fetch() throws SendFailure;
}
