<?php
/**
 * PHPUnit bootstrap: a real WordPress with the plugin active (load-wordpress.php), then the
 * tests' shared helpers.
 *
 * @package TherapistAttachmentArticle
 */

require __DIR__ . '/load-wordpress.php';
require __DIR__ . '/class-memory-store.php';
require __DIR__ . '/class-plugin-test-case.php';
require __DIR__ . '/class-test-mailer.php';
