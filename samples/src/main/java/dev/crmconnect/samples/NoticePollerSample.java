package dev.crmconnect.samples;

import dev.crmconnect.sdk.SdkVersion;

/** The deletion-notice poller sample: the SDK's main job. */
public final class NoticePollerSample {

    private NoticePollerSample() {
    }

    public static void main(String[] args) {
        System.out.println("crmconnect-java " + SdkVersion.version());
    }
}
