// The sign-in page says why it is shown again after a token that is no account's.
document.getElementById("failed").hidden = !new URLSearchParams(location.search).has("failed");
