mod common;
mod gold;
mod newsgroups;
mod other_pages;
mod signature;
